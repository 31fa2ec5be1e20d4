package dev.rewind.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillReportTest {

    private static final Instant FAULT = Instant.parse("2026-11-28T13:00:00Z");

    @Test
    void showsTheTimelineInOrderWithOffsetsTheCriteriaAndTheVerdict() {
        DrillResult result = new DrillResult("staging drill (error-rate=0.12)", "staging/shop-staging/checkout-drill-1",
                FAULT, List.of(
                        new DrillResult.Mark(FAULT.plusMillis(9800), "rewind", "succeeded: rolled back"),
                        new DrillResult.Mark(FAULT.minusMillis(1500), "drill", "deployed test version v1.1.0"),
                        new DrillResult.Mark(FAULT, "drill", "fault injected")),
                SuccessCriteria.judge(FAULT, FAULT.plusSeconds(6), FAULT.plusMillis(9800), List.of()),
                List.of("incident: http://127.0.0.1:8085/api/v1/incidents/INCIDENT-3"), null);

        String report = DrillReport.render(result);

        assertThat(report).containsSubsequence(
                "Rollback drill, staging drill (error-rate=0.12), staging/shop-staging/checkout-drill-1",
                "12:59:58.500", "-1.5 s", "deployed test version v1.1.0",
                "13:00:00.000", "+0.0 s", "fault injected",
                "13:00:09.800", "+9.8 s", "rewind", "succeeded: rolled back",
                "PASS    rollback completed < 10 minutes (runbook): 3.8 s from detection to rolled back",
                "PASS    no manual intervention needed (runbook)",
                "MET     goal: fault injected to rollback verified < 15 s",
                "incident: http://127.0.0.1:8085/api/v1/incidents/INCIDENT-3",
                "Scenario PASSED");
    }

    @Test
    void saysWhyItFailed() {
        DrillResult result = new DrillResult("staging drill", "t", FAULT, List.of(),
                SuccessCriteria.judge(FAULT, null, null, List.of()), List.of(),
                "an incident for t: not within 120.0 s");
        assertThat(result.passed()).isFalse();
        assertThat(DrillReport.render(result)).contains("FAIL    rollback completed")
                .endsWith("Scenario FAILED: an incident for t: not within 120.0 s\n");
    }

    @Test
    void aMissedGoalIsReportedWithoutFailingTheDrill() {
        DrillResult result = new DrillResult("staging drill", "t", FAULT, List.of(),
                SuccessCriteria.judge(FAULT, FAULT.plusSeconds(5), FAULT.plusSeconds(40), List.of()), List.of(), null);
        assertThat(result.passed()).isTrue();
        assertThat(DrillReport.render(result)).contains("MISSED  goal: fault injected to rollback verified < 15 s"
                + " (Rewind's, on the sandbox): 40.0 s").endsWith("Scenario PASSED\n");
    }

    @Test
    void aMissedRunbookCriterionFailsTheDrillEvenWhenEveryPhaseCompleted() {
        DrillResult result = new DrillResult("staging drill", "t", FAULT, List.of(),
                SuccessCriteria.judge(FAULT, FAULT.plusSeconds(5), FAULT.plusSeconds(5 + 11 * 60), List.of()),
                List.of(), null);
        assertThat(result.passed()).isFalse();
        assertThat(DrillReport.render(result)).endsWith("Scenario FAILED: a required success criterion was not met\n");
    }

    @Test
    void slackMessagesReadAsTheirFirstLine() {
        assertThat(SlackText.of("{\"text\":\"Rolling back checkout\\nmore\",\"blocks\":[]}"))
                .isEqualTo("Rolling back checkout");
        assertThat(SlackText.of("not json")).isEqualTo("not json");
        assertThat(SlackText.of("{\"text\":\"" + "x".repeat(200) + "\"}")).hasSize(160).endsWith("...");
    }

    @Test
    void theSummaryPassesOnlyWhenEveryScenarioPassed() {
        DrillResult passed = new DrillResult("a", "t", null, List.of(), List.of(), List.of(), null);
        DrillResult failed = new DrillResult("b", "t", null, List.of(), List.of(), List.of(), "it broke");
        assertThat(DrillReport.summary(List.of(passed))).endsWith("Drill PASSED (1 scenarios)\n");
        assertThat(DrillReport.summary(List.of(passed, failed)))
                .contains("  PASSED  a\n", "  FAILED  b\n").endsWith("Drill FAILED (1 of 2 scenarios)\n");
    }
}
