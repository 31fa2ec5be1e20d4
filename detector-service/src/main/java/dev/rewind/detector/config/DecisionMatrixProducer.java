package dev.rewind.detector.config;

import dev.rewind.detector.domain.DecisionMatrix;
import dev.rewind.detector.domain.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the decision matrix from configuration. */
@ApplicationScoped
public class DecisionMatrixProducer {

    @Produces
    @ApplicationScoped
    DecisionMatrix decisionMatrix(DetectorConfig config) {
        return new DecisionMatrix(new Thresholds(config.errorRate().threshold(),
                config.errorRate().criticalThreshold(), config.latency().baselineMultiple(),
                config.saturation().threshold()));
    }
}
