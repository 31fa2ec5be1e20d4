package dev.rewind.drill;

import static org.assertj.core.api.Assertions.assertThat;

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
}
