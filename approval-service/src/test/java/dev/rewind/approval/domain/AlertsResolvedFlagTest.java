package dev.rewind.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AlertsResolvedFlagTest {

    private static final Instant RESOLVED = Instant.parse("2026-11-15T14:34:00Z");

    @Test
    void aPendingRequestIsToldTheFaultMayHaveCleared() {
        assertThat(AlertsResolvedFlag.note(ApprovalState.PENDING, RESOLVED)).isEqualTo("every alert of this incident "
                + "resolved at 2026-11-15T14:34:00Z; the fault may have cleared: consider rejecting");
    }

    @Test
    void aHeldRequestIsToldToConsiderRejectingRatherThanOverriding() {
        assertThat(AlertsResolvedFlag.note(ApprovalState.HELD, RESOLVED))
                .endsWith("the fault may have cleared: consider rejecting rather than overriding the guard");
    }

    @ParameterizedTest
    @EnumSource(value = ApprovalState.class, names = {"APPROVED", "REJECTED", "EXPIRED"})
    void aDecidedRequestIsNeitherFlaggedNorAdvised(ApprovalState decided) {
        assertThat(AlertsResolvedFlag.applies(decided)).isFalse();
        assertThat(AlertsResolvedFlag.note(decided, RESOLVED)).isNull();
    }

    @Test
    void noNoteWhileSomeAlertStillFires() {
        assertThat(AlertsResolvedFlag.applies(ApprovalState.PENDING)).isTrue();
        assertThat(AlertsResolvedFlag.note(ApprovalState.PENDING, null)).isNull();
    }
}
