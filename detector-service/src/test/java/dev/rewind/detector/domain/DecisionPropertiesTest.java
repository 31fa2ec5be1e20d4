package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Properties of the decision matrix over any value: deterministic, and monotonic in the measured value. */
class DecisionPropertiesTest {

    private static final TargetKey TARGET = new TargetKey("production", "shop", "checkout");
    private final DecisionMatrix matrix =
            new DecisionMatrix(ThresholdBook.uniform(new Thresholds(0.05, 0.25, 2.0, 0.9)));

    @Property
    void theSameAlertAlwaysGetsTheSameDecision(@ForAll Signal signal,
                                                @ForAll @DoubleRange(min = 0, max = 50) double value) {
        assertThat(matrix.decide(TARGET, signal, value, "summary"))
                .isEqualTo(matrix.decide(TARGET, signal, value, "summary"));
    }

    @Property
    void aWorseValueNeverTurnsARollbackIntoLess(@ForAll Signal signal,
                                                  @ForAll @DoubleRange(min = 0, max = 10) double value,
                                                  @ForAll @DoubleRange(min = 0, max = 10) double worse) {
        double better = Math.min(value, worse);
        double worst = Math.max(value, worse);
        if (matrix.decide(TARGET, signal, better, null) instanceof Decision.RollBack first) {
            assertThat(matrix.decide(TARGET, signal, worst, null)).isInstanceOfSatisfying(Decision.RollBack.class,
                    second -> assertThat(second.severity()).isLessThanOrEqualTo(first.severity()));
        }
    }

    @Property
    void neverRollsBackAtOrBelowAThreshold(@ForAll @DoubleRange(min = 0, max = 0.05) double errorRate,
                                           @ForAll @DoubleRange(min = 0, max = 2.0) double latency,
                                           @ForAll @DoubleRange(min = 0, max = 0.9) double saturation) {
        assertThat(matrix.decide(TARGET, Signal.ERROR_RATE, errorRate, null)).isInstanceOf(Decision.Ignore.class);
        assertThat(matrix.decide(TARGET, Signal.LATENCY, latency, null)).isInstanceOf(Decision.Ignore.class);
        assertThat(matrix.decide(TARGET, Signal.RESOURCE_SATURATION, saturation, null))
                .isInstanceOf(Decision.Ignore.class);
    }
}
