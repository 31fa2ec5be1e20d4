package dev.rewind.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessCriteriaTest {

    private static final Instant FAULT = Instant.parse("2026-11-28T13:00:00Z");

    @Test
    void aQuickAutomaticRollbackMeetsEveryCriterion() {
        List<DrillResult.Criterion> criteria = SuccessCriteria.judge(FAULT, FAULT.plusMillis(6200),
                FAULT.plusMillis(9800), List.of());
        assertThat(criteria).allMatch(DrillResult.Criterion::met);
        assertThat(criteria).extracting(DrillResult.Criterion::measured)
                .containsExactly("3.6 s from detection to rolled back", "none: every step automatic", "9.8 s");
    }

    @Test
    void onlyTheRunbooksCriteriaAreRequired() {
        assertThat(SuccessCriteria.judge(FAULT, FAULT, FAULT, List.of()))
                .extracting(DrillResult.Criterion::required).containsExactly(true, true, false);
    }

    @Test
    void aRollbackPastTheLimitsFailsThem() {
        List<DrillResult.Criterion> criteria = SuccessCriteria.judge(FAULT, FAULT.plusSeconds(5),
                FAULT.plusSeconds(5 + 11 * 60), List.of());
        assertThat(criteria).extracting(DrillResult.Criterion::met).containsExactly(false, true, false);
        assertThat(criteria.get(0).measured()).isEqualTo("11 min 0.0 s from detection to rolled back");
    }

    @Test
    void aPersonActingOrNoRollbackFailsNoManualIntervention() {
        assertThat(SuccessCriteria.judge(FAULT, FAULT.plusSeconds(5), FAULT.plusSeconds(9),
                List.of("approved by alice")).get(1))
                .isEqualTo(new DrillResult.Criterion("no manual intervention needed (runbook)", false,
                        "people acted: approved by alice", true));
        assertThat(SuccessCriteria.judge(FAULT, FAULT.plusSeconds(5), null, List.of()))
                .noneMatch(DrillResult.Criterion::met);
        assertThat(SuccessCriteria.judge(null, null, null, List.of())).extracting(DrillResult.Criterion::measured)
                .containsExactly("no completed rollback", "the rollback did not complete on its own",
                        "no verified rollback");
    }

    @Test
    void anApprovedProductionRollbackWithinItsDeadlineMeetsItsCriteria() {
        List<DrillResult.Criterion> criteria = SuccessCriteria.approval(FAULT, FAULT.plusSeconds(20),
                "3.0 s on v1.1.0, AWAITING_APPROVAL", "drill-oncall via API: \"ok\"", Duration.ofMinutes(15));
        assertThat(criteria).allMatch(c -> c.met() && c.required());
        assertThat(criteria.get(2).name()).isEqualTo("rollback completed within the severity's deadline (15 min 0.0 s, "
                + "runbook)");
    }

    @Test
    void aRollbackThatDidNotWaitOrWasNotApprovedByAPersonFails() {
        List<DrillResult.Criterion> criteria = SuccessCriteria.approval(FAULT, FAULT.plusSeconds(16 * 60), null, null,
                Duration.ofMinutes(15));
        assertThat(criteria).extracting(DrillResult.Criterion::met).containsExactly(false, false, false);
        assertThat(criteria).extracting(DrillResult.Criterion::measured).containsExactly("not seen waiting",
                "no person's approval on the record", "16 min 0.0 s from detection to rolled back");
    }

    @Test
    void aDeclineMustNameTheIrreversibleMigrationLeaveTheDeploymentAndTellPeople() {
        assertThat(SuccessCriteria.declined("DECLINED", "the release ran an irreversible database migration",
                "untouched", List.of("ROLLBACK DECLINED"))).allMatch(DrillResult.Criterion::met);
        assertThat(SuccessCriteria.declined("DECLINED", "fix forward: the team said so", "untouched",
                List.of("ROLLBACK DECLINED")).get(0).met()).isFalse();
        assertThat(SuccessCriteria.declined("ROLLED_BACK", null, null, List.of()))
                .extracting(DrillResult.Criterion::met).containsExactly(false, false, false);
    }

    @Test
    void aFallbackNeedsThePipelineFirstItsCheckFailingAndAnotherMethodRollingBack() {
        List<String> steps = List.of("accepted: rollback queued", "pipeline-started: pipeline rollback-staging run #1",
                "method-unavailable: pipeline cannot roll back: pipeline rollback-staging run #1 succeeded, but "
                        + "deployment s/c still runs the release judged bad {app=c:v1.1.0}: the pipeline deployed "
                        + "nothing; trying kubectl next", "patched: rolled back to revision 1");
        assertThat(SuccessCriteria.fallback(steps, "KUBECTL")).allMatch(c -> c.met() && c.required());
        assertThat(SuccessCriteria.fallback(steps, "PIPELINE").get(2).met()).isFalse();
        assertThat(SuccessCriteria.fallback(List.of("accepted: rollback queued", "method-unavailable: pipeline cannot "
                + "roll back: no rollback pipeline for deployment s/c; trying kubectl next"), "KUBECTL"))
                .extracting(DrillResult.Criterion::met).containsExactly(false, false, true);
    }
}
