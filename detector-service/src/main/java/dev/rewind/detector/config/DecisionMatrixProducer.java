package dev.rewind.detector.config;

import dev.rewind.detector.domain.DecisionMatrix;
import dev.rewind.detector.domain.InfrastructureAlerts;
import dev.rewind.detector.domain.ThresholdBook;
import dev.rewind.detector.domain.Thresholds;
import dev.rewind.detector.domain.WhenNotToRollBack;
import dev.rewind.platform.environment.Environments;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Builds the decision matrix and its guards from configuration. Thresholds that contradict each other stop the
 * detector at start, naming the environment or service; overrides for environments that are not configured are
 * logged, since no alert of theirs is ever accepted.
 */
@ApplicationScoped
public class DecisionMatrixProducer {

    private static final Logger LOG = Logger.getLogger(DecisionMatrixProducer.class);

    // Built as the service starts, before its consumers: thresholds it would refuse stop the start, not an alert.
    @Produces
    @ApplicationScoped
    @Startup(Interceptor.Priority.PLATFORM_BEFORE)
    DecisionMatrix decisionMatrix(DetectorConfig config, Environments environments) {
        Thresholds defaults = new Thresholds(config.errorRate().threshold(), config.errorRate().criticalThreshold(),
                config.latency().baselineMultiple(), config.saturation().threshold());
        Map<String, ThresholdBook.Override> byEnvironment = new HashMap<>();
        Map<String, Map<String, ThresholdBook.Override>> byService = new HashMap<>();
        config.thresholds().forEach((environment, thresholds) -> {
            if (environments.named(environment).isEmpty()) {
                LOG.warnf("rewind.detector.thresholds.%s: no environment %s is configured (rewind.environments); "
                        + "these thresholds apply to nothing", environment, environment);
            }
            byEnvironment.put(environment, override(thresholds));
            Map<String, ThresholdBook.Override> services = new HashMap<>();
            thresholds.services().forEach((service, own) -> services.put(service, override(own)));
            byService.put(environment, services);
        });
        return new DecisionMatrix(new ThresholdBook(defaults, byEnvironment, byService));
    }

    @Produces
    @ApplicationScoped
    WhenNotToRollBack whenNotToRollBack(GuardsConfig config) {
        return new WhenNotToRollBack(config.rules());
    }

    @Produces
    @ApplicationScoped
    InfrastructureAlerts infrastructureAlerts(GuardsConfig config) {
        return new InfrastructureAlerts(config.infrastructure().scopeLabel(), config.infrastructure().alertnames());
    }

    private static ThresholdBook.Override override(DetectorConfig.ThresholdOverride config) {
        return new ThresholdBook.Override(config.errorRate().orElse(null), config.criticalErrorRate().orElse(null),
                config.latencyBaselineMultiple().orElse(null), config.saturation().orElse(null));
    }
}
