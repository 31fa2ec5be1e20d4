package dev.rewind.postmortem.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.postmortem.domain.Incident.DeadlineState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineStateTest {

    private static final Instant DUE = Instant.parse("2026-11-15T14:40:00Z");

    @Test
    void rolledBackByTheDeadlineIsMetAndAfterItMissed() {
        assertThat(DeadlineState.of(IncidentStatus.ROLLED_BACK, DUE, DUE, DUE.plusSeconds(9)))
                .isEqualTo(DeadlineState.MET);
        assertThat(DeadlineState.of(IncidentStatus.ROLLED_BACK_UNVERIFIED, DUE, DUE.plusMillis(1), DUE))
                .isEqualTo(DeadlineState.MISSED);
    }

    @Test
    void notRolledBackIsPendingUntilTheDeadlineThenMissedUnlessNoRollbackWasToHappen() {
        assertThat(DeadlineState.of(IncidentStatus.AWAITING_APPROVAL, DUE, null, DUE))
                .isEqualTo(DeadlineState.PENDING);
        assertThat(DeadlineState.of(IncidentStatus.AWAITING_APPROVAL, DUE, null, DUE.plusSeconds(1)))
                .isEqualTo(DeadlineState.MISSED);
        assertThat(DeadlineState.of(IncidentStatus.DECLINED, DUE, null, DUE.plusSeconds(1)))
                .isEqualTo(DeadlineState.NOT_APPLICABLE);
        assertThat(DeadlineState.of(IncidentStatus.REJECTED, DUE, null, DUE.plusSeconds(1)))
                .isEqualTo(DeadlineState.NOT_APPLICABLE);
        assertThat(DeadlineState.of(IncidentStatus.OPEN, null, null, DUE))
                .as("severity unknown").isEqualTo(DeadlineState.NOT_APPLICABLE);
    }
}
