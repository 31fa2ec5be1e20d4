package dev.rewind.executor.strategy;

import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.MethodChain;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.gitops.GitOpsOwner;
import dev.rewind.executor.gitops.GitOpsOwners;
import dev.rewind.executor.gitops.GitOpsOwnership;
import dev.rewind.executor.gitops.GitOpsPolicy;
import dev.rewind.executor.gitops.GitOpsPolicyChoice;
import dev.rewind.executor.helm.HelmManaged;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The rollback methods this executor performs, and the order in which to try them for a target. */
@ApplicationScoped
public class RollbackStrategies {

    private final Map<RollbackMethod, RollbackStrategy> byMethod = new EnumMap<>(RollbackMethod.class);
    private final ExecutorConfig config;
    private final GitOpsOwners gitOps;

    @Inject
    public RollbackStrategies(Instance<RollbackStrategy> strategies, ExecutorConfig config, GitOpsOwners gitOps) {
        strategies.forEach(strategy -> byMethod.put(strategy.method(), strategy));
        this.config = config;
        this.gitOps = gitOps;
    }

    /**
     * The GitOps resource applying {@code observed}'s Deployment, as its cluster shows it now.
     *
     * @throws RollbackRefused when that is unknown or ambiguous
     */
    public GitOpsOwnership gitOpsOf(ObservedDeployment observed) {
        return gitOps.of(observed);
    }

    /**
     * How a rollback of {@code observed} is to treat the GitOps resource {@code gitOps} found applying it, for an
     * incident of {@code severity} ({@link GitOpsPolicyChoice}).
     */
    public GitOpsPolicyChoice policyOf(ObservedDeployment observed, GitOpsOwnership gitOps, Severity severity) {
        var deployment = observed.deployment().getMetadata();
        return GitOpsPolicyChoice.settle(deployment.getNamespace() + "/" + deployment.getName(), gitOps.owner(),
                config.gitops().strategyOf(observed.environment().name()), observed.annotation(GitOpsPolicy.ANNOTATION),
                severity, config.gitops().emergencySeverities());
    }

    /** Whether {@code method} rolls back under a pause of {@code gitOps}'s sync, as {@code policy} says it may. */
    public static boolean pausesFor(RollbackMethod method, GitOpsOwnership gitOps, GitOpsPolicy policy) {
        return gitOps.owner() != null && policy == GitOpsPolicy.PAUSE_AND_UNDO && GitOpsOwner.IN_CLUSTER.contains(method);
    }

    /**
     * Refuses {@code method} when it changes only the cluster and {@code gitOps} says Argo CD or Flux applies the
     * Deployment from Git, unless {@code policy} pauses the sync for it: checked again for every method at the moment
     * it plans or makes its change.
     *
     * @throws MethodUnavailable naming the owner: the next method of the chain is tried
     */
    public static void refuseInCluster(RollbackMethod method, ObservedDeployment observed, GitOpsOwnership gitOps,
                                       GitOpsPolicy policy) {
        if (gitOps.owner() != null && GitOpsOwner.IN_CLUSTER.contains(method) && policy != GitOpsPolicy.PAUSE_AND_UNDO) {
            var deployment = observed.deployment().getMetadata();
            throw new MethodUnavailable(gitOps.owner().inClusterRefusal(deployment.getNamespace() + "/"
                    + deployment.getName(), List.of(method)));
        }
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

    /**
     * The methods to try for {@code observed}, the one the command asked for ({@code requested}) first, with what
     * {@code gitOps} found and {@code policy} settled (its owner leaves the in-cluster methods out unless the policy
     * pauses its sync for them; their warnings are the chain's).
     */
    public MethodChain chainFor(RollbackMethod requested, ObservedDeployment observed, GitOpsOwnership gitOps,
                                GitOpsPolicyChoice policy) {
        var deployment = observed.deployment().getMetadata();
        MethodChain chain = MethodChain.resolve(deployment.getNamespace() + "/" + deployment.getName(), requested,
                observed.annotation(MethodChain.ANNOTATION), config.chainOf(observed.environment().name()),
                config.allowedMethods(), helmManaged(observed), gitOps.owner(), policy.policy());
        return new MethodChain(chain.methods(), Stream.of(gitOps.warnings(), policy.warnings(), chain.warnings())
                .flatMap(List::stream).toList(), chain.leftOut());
    }
}
