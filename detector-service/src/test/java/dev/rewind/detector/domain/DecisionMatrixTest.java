package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the runbook's decision matrix, with the boundaries of its thresholds. */
class DecisionMatrixTest {

    static final TargetKey TARGET = new TargetKey("production", "shop", "checkout");
    private final DecisionMatrix matrix =
            new DecisionMatrix(ThresholdBook.uniform(new Thresholds(0.05, 0.25, 2.0, 0.9)));

    /** What a row says: roll back (severity, mode), decline (severity, code), or ignore. */
    record Expected(String outcome, Severity severity, ExecutionMode mode, DeclineReason code) {
        static Expected rollBack(Severity severity, ExecutionMode mode) {
            return new Expected("roll back", severity, mode, null);
        }

        static Expected decline(Severity severity, DeclineReason code) {
            return new Expected("decline", severity, null, code);
        }

        static Expected ignore() {
            return new Expected("ignore", null, null, null);
        }
    }

    static Stream<Arguments> matrixRows() {
        return Stream.of(
                // 5xx error rate > 5%: roll back now, automated; P0 above the critical rate (25%)
                Arguments.of(Signal.ERROR_RATE, 0.049, Expected.ignore()),
                Arguments.of(Signal.ERROR_RATE, 0.05, Expected.ignore()),
                Arguments.of(Signal.ERROR_RATE, 0.051, Expected.rollBack(Severity.P1, ExecutionMode.AUTOMATED)),
                Arguments.of(Signal.ERROR_RATE, 0.25, Expected.rollBack(Severity.P1, ExecutionMode.AUTOMATED)),
                Arguments.of(Signal.ERROR_RATE, 0.251, Expected.rollBack(Severity.P0, ExecutionMode.AUTOMATED)),
                Arguments.of(Signal.ERROR_RATE, null, Expected.rollBack(Severity.P1, ExecutionMode.AUTOMATED)),
                // response time > 2x baseline: roll back now, automated
                Arguments.of(Signal.LATENCY, 1.99, Expected.ignore()),
                Arguments.of(Signal.LATENCY, 2.0, Expected.ignore()),
                Arguments.of(Signal.LATENCY, 2.01, Expected.rollBack(Severity.P1, ExecutionMode.AUTOMATED)),
                Arguments.of(Signal.LATENCY, null, Expected.rollBack(Severity.P1, ExecutionMode.AUTOMATED)),
                // CPU or memory > 90%: roll back after diagnosis, manual
                Arguments.of(Signal.RESOURCE_SATURATION, 0.89, Expected.ignore()),
                Arguments.of(Signal.RESOURCE_SATURATION, 0.9, Expected.ignore()),
                Arguments.of(Signal.RESOURCE_SATURATION, 0.91, Expected.rollBack(Severity.P2, ExecutionMode.MANUAL)),
                // failed health checks: roll back now, automated, P0
                Arguments.of(Signal.HEALTH_CHECK_FAILING, null,
                        Expected.rollBack(Severity.P0, ExecutionMode.AUTOMATED)),
                // security vulnerability: roll back now, manual + hotfix
                Arguments.of(Signal.SECURITY_VULNERABILITY, null,
                        Expected.rollBack(Severity.P1, ExecutionMode.MANUAL)),
                // database migration failed: depends; manual + restore, never automatic
                Arguments.of(Signal.MIGRATION_FAILED, null, Expected.rollBack(Severity.P1, ExecutionMode.MANUAL)),
                // minor UI bug, non-critical feature broken: fix forward
                Arguments.of(Signal.MINOR_BUG, null, Expected.decline(Severity.P3, DeclineReason.FIX_FORWARD)),
                Arguments.of(Signal.NON_CRITICAL_FEATURE, null,
                        Expected.decline(Severity.P3, DeclineReason.FIX_FORWARD)),
                // not in the matrix: evidence only
                Arguments.of(Signal.UNKNOWN, 0.99, Expected.ignore()));
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @MethodSource("matrixRows")
    void decidesAsTheRunbooksMatrixSays(Signal signal, Double observed, Expected expected) {
        Decision decision = matrix.decide(TARGET, signal, observed, null);

        switch (expected.outcome()) {
            case "roll back" -> assertThat(decision).isInstanceOfSatisfying(Decision.RollBack.class, d -> {
                assertThat(d.severity()).isEqualTo(expected.severity());
                assertThat(d.mode()).isEqualTo(expected.mode());
            });
            case "decline" -> assertThat(decision).isInstanceOfSatisfying(Decision.Decline.class, d -> {
                assertThat(d.severity()).isEqualTo(expected.severity());
                assertThat(d.code()).isEqualTo(expected.code());
            });
            default -> assertThat(decision).isInstanceOf(Decision.Ignore.class);
        }
    }

    @Test
    void namesTheErrorRateAndTheThresholdItWasComparedWith() {
        assertThat(matrix.decide(TARGET, Signal.ERROR_RATE, 0.12, null))
                .isEqualTo(new Decision.RollBack(Severity.P1, ExecutionMode.AUTOMATED,
                        "High error rate (12% 5xx errors)", 0.05));
        assertThat(matrix.decide(TARGET, Signal.ERROR_RATE, 0.40, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> assertThat(d.threshold())
                        .as("the rollback threshold; the critical one only sets the severity").isEqualTo(0.05));
    }

    @Test
    void namesTheResponseTimeAsAMultipleOfItsBaseline() {
        assertThat(matrix.decide(TARGET, Signal.LATENCY, 850.0 / 300, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> {
                    assertThat(d.reason()).isEqualTo("Response time 2.83x baseline");
                    assertThat(d.threshold()).isEqualTo(2.0);
                });
    }

    @Test
    void usesTheAlertsOwnSummaryAsTheReasonWhenItHasOne() {
        assertThat(matrix.decide(TARGET, Signal.ERROR_RATE, null, "5xx above SLO"))
                .isEqualTo(new Decision.RollBack(Severity.P1, ExecutionMode.AUTOMATED, "5xx above SLO", null));
    }

    @Test
    void reportsNoThresholdWhereNoValueWasCompared() {
        assertThat(matrix.decide(TARGET, Signal.HEALTH_CHECK_FAILING, 1.0, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> assertThat(d.threshold()).isNull());
        assertThat(matrix.decide(TARGET, Signal.SECURITY_VULNERABILITY, 9.8, null))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> assertThat(d.threshold()).isNull());
        assertThat(matrix.decide(TARGET, Signal.LATENCY, null, "p99 above baseline"))
                .isInstanceOfSatisfying(Decision.RollBack.class, d -> assertThat(d.threshold()).isNull());
    }

    @Test
    void appliesTheThresholdsConfiguredForTheTargetsEnvironmentAndService() {
        Thresholds defaults = new Thresholds(0.05, 0.25, 2.0, 0.9);
        DecisionMatrix perTarget = new DecisionMatrix(new ThresholdBook(defaults,
                Map.of("production", new ThresholdBook.Override(0.02, null, null, null)),
                Map.of("production", Map.of("search", new ThresholdBook.Override(0.10, null, 1.5, null)))));
        TargetKey staging = new TargetKey("staging", "shop", "checkout");
        TargetKey search = new TargetKey("production", "shop", "search");

        assertThat(perTarget.decide(staging, Signal.ERROR_RATE, 0.03, null)).isInstanceOf(Decision.Ignore.class);
        assertThat(perTarget.decide(TARGET, Signal.ERROR_RATE, 0.03, null)).isInstanceOf(Decision.RollBack.class);
        assertThat(perTarget.decide(search, Signal.ERROR_RATE, 0.08, null)).isInstanceOf(Decision.Ignore.class);
        assertThat(perTarget.decide(search, Signal.LATENCY, 1.6, null)).isInstanceOf(Decision.RollBack.class);
        assertThat(perTarget.decide(TARGET, Signal.LATENCY, 1.6, null)).isInstanceOf(Decision.Ignore.class);
    }

    @Test
    void thresholdsMustBeConsistent() {
        assertThatThrownBy(() -> new Thresholds(0.3, 0.2, 2.0, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0.05, 0.25, 1.0, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdBook(new Thresholds(0.05, 0.25, 2.0, 0.9),
                Map.of("production", new ThresholdBook.Override(0.5, null, null, null)), Map.of()))
                .hasMessageStartingWith("thresholds of production: ");
        assertThatThrownBy(() -> new ThresholdBook(new Thresholds(0.05, 0.25, 2.0, 0.9), Map.of(),
                Map.of("production", Map.of("search", new ThresholdBook.Override(null, null, 0.5, null)))))
                .hasMessageStartingWith("thresholds of production.search: ");
    }
}
