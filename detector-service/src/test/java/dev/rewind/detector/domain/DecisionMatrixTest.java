package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.incident.DeclineReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecisionMatrixTest {

    private final DecisionMatrix matrix = new DecisionMatrix(new Thresholds(0.05, 0.25, 2.0, 0.9));

    @Test
    void rollsBackAutomaticallyAsP0WhenHealthChecksFail() {
        assertThat(matrix.decide(Signal.HEALTH_CHECK_FAILING, null, null))
                .isEqualTo(new Decision.RollBack(Severity.P0, ExecutionMode.AUTOMATED, "Failed health checks", null));
    }

    @Test
    void rollsBackAutomaticallyAsP1WhenErrorRateExceedsFivePercent() {
        assertThat(matrix.decide(Signal.ERROR_RATE, 0.12, null))
                .isEqualTo(new Decision.RollBack(Severity.P1, ExecutionMode.AUTOMATED,
                        "High error rate (12% 5xx errors)", 0.05));
    }

    @Test
    void escalatesErrorRateToP0AboveTheCriticalThreshold() {
        assertThat(matrix.decide(Signal.ERROR_RATE, 0.40, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> {
                    assertThat(d.severity()).isEqualTo(Severity.P0);
                    assertThat(d.threshold()).as("the rollback threshold; the critical one only sets the severity")
                            .isEqualTo(0.05);
                });
    }

    @Test
    void ignoresErrorRateAtOrBelowTheThreshold() {
        assertThat(matrix.decide(Signal.ERROR_RATE, 0.05, null)).isInstanceOf(Decision.Ignore.class);
        assertThat(matrix.decide(Signal.ERROR_RATE, 0.049, null)).isInstanceOf(Decision.Ignore.class);
    }

    @Test
    void trustsAFiringErrorRateAlertThatCarriesNoValue() {
        assertThat(matrix.decide(Signal.ERROR_RATE, null, "5xx above SLO"))
                .isEqualTo(new Decision.RollBack(Severity.P1, ExecutionMode.AUTOMATED, "5xx above SLO", null));
    }

    @Test
    void rollsBackWhenResponseTimeExceedsTwiceTheBaseline() {
        assertThat(matrix.decide(Signal.LATENCY, 2.5, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> {
                    assertThat(d.severity()).isEqualTo(Severity.P1);
                    assertThat(d.mode()).isEqualTo(ExecutionMode.AUTOMATED);
                    assertThat(d.threshold()).isEqualTo(2.0);
                });
        assertThat(matrix.decide(Signal.LATENCY, 2.0, null)).isInstanceOf(Decision.Ignore.class);
    }

    @Test
    void saturationNeedsAHumanAfterDiagnosis() {
        assertThat(matrix.decide(Signal.RESOURCE_SATURATION, 0.95, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> {
                    assertThat(d.severity()).isEqualTo(Severity.P2);
                    assertThat(d.mode()).isEqualTo(ExecutionMode.MANUAL);
                    assertThat(d.threshold()).isEqualTo(0.9);
                });
        assertThat(matrix.decide(Signal.RESOURCE_SATURATION, 0.85, null)).isInstanceOf(Decision.Ignore.class);
    }

    @Test
    void securityVulnerabilitiesAndFailedMigrationsAreNeverAutomatic() {
        assertThat(matrix.decide(Signal.SECURITY_VULNERABILITY, null, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> assertThat(d.mode()).isEqualTo(ExecutionMode.MANUAL));
        assertThat(matrix.decide(Signal.MIGRATION_FAILED, null, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> assertThat(d.mode()).isEqualTo(ExecutionMode.MANUAL));
    }

    @Test
    void reportsNoThresholdWhereNoValueWasCompared() {
        assertThat(matrix.decide(Signal.HEALTH_CHECK_FAILING, 1.0, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> assertThat(d.threshold()).isNull());
        assertThat(matrix.decide(Signal.SECURITY_VULNERABILITY, 9.8, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> assertThat(d.threshold()).isNull());
        assertThat(matrix.decide(Signal.LATENCY, null, "p99 above baseline"))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> assertThat(d.threshold()).isNull());
    }

    @ParameterizedTest
    @EnumSource(value = Signal.class, names = {"MINOR_BUG", "NON_CRITICAL_FEATURE"})
    void minorIssuesAreFixedForwardNotRolledBack(Signal signal) {
        assertThat(matrix.decide(signal, null, null))
                .isInstanceOfSatisfying(Decision.Decline.class, d -> {
                    assertThat(d.code()).isEqualTo(DeclineReason.FIX_FORWARD);
                    assertThat(d.severity()).isEqualTo(Severity.P3);
                });
    }

    @Test
    void unknownSignalsAreKeptAsEvidenceOnly() {
        assertThat(matrix.decide(Signal.UNKNOWN, 0.99, null)).isInstanceOf(Decision.Ignore.class);
    }

    @Test
    void thresholdsMustBeConsistent() {
        assertThatThrownBy(() -> new Thresholds(0.3, 0.2, 2.0, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0.05, 0.25, 1.0, 0.9)).isInstanceOf(IllegalArgumentException.class);
    }
}
