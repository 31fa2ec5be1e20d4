package dev.rewind.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApprovalStateTest {

    @ParameterizedTest
    @EnumSource(value = ApprovalState.class, names = {"APPROVED", "REJECTED", "EXPIRED"})
    void pendingMayBeDecided(ApprovalState decided) {
        assertThat(ApprovalState.PENDING.moveTo(decided)).isEqualTo(decided);
    }

    @ParameterizedTest
    @EnumSource(value = ApprovalState.class, names = {"APPROVED", "REJECTED", "EXPIRED"})
    void aDecisionIsFinal(ApprovalState decided) {
        assertThat(decided.next()).isEmpty();
        assertThatThrownBy(() -> decided.moveTo(ApprovalState.APPROVED)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(value = ApprovalState.class, names = {"PENDING", "APPROVED", "REJECTED", "EXPIRED"})
    void aHeldRequestMovesOnOnlyByAnOverrideARejectionOrExpiry(ApprovalState next) {
        assertThat(ApprovalState.HELD.moveTo(next)).isEqualTo(next);
        assertThatThrownBy(() -> ApprovalState.PENDING.moveTo(ApprovalState.HELD))
                .isInstanceOf(IllegalStateException.class);
    }
}
