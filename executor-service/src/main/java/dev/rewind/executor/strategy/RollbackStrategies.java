package dev.rewind.executor.strategy;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.MethodChain;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.helm.HelmManaged;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The rollback methods this executor performs, and the order in which to try them for a target. */
@ApplicationScoped
public class RollbackStrategies {

    private final Map<RollbackMethod, RollbackStrategy> byMethod = new EnumMap<>(RollbackMethod.class);
    private final ExecutorConfig config;

    @Inject
    public RollbackStrategies(Instance<RollbackStrategy> strategies, ExecutorConfig config) {
        strategies.forEach(strategy -> byMethod.put(strategy.method(), strategy));
        this.config = config;
    }

    /**
     * The strategy of {@code method}.
     *
     * @throws MethodUnavailable when this executor cannot perform it
     */
    public RollbackStrategy of(RollbackMethod method) {
        RollbackStrategy strategy = byMethod.get(method);
        if (strategy == null) {
            throw new MethodUnavailable(method.name().toLowerCase(Locale.ROOT) + " rollback is not available in this "
                    + "executor yet");
        }
        return strategy;
    }

    private static boolean helmManaged(ObservedDeployment observed) {
        try {
            HelmManaged.of(observed.deployment());
            return true;
        } catch (MethodUnavailable notHelms) {
            return false;
        }
    }

    /** The methods to try for {@code observed}, the one the command asked for ({@code requested}) first. */
    public MethodChain chainFor(RollbackMethod requested, ObservedDeployment observed) {
        var deployment = observed.deployment().getMetadata();
        return MethodChain.resolve(deployment.getNamespace() + "/" + deployment.getName(), requested,
                observed.annotation(MethodChain.ANNOTATION), config.chainOf(observed.environment().name()),
                config.allowedMethods(), helmManaged(observed));
    }
}
