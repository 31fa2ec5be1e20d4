package dev.rewind.notifier.escalation;

import static dev.rewind.notifier.escalation.EscalationLadderTest.DEVOPS;
import static dev.rewind.notifier.escalation.EscalationLadderTest.EXECUTIVES;
import static dev.rewind.notifier.escalation.EscalationLadderTest.LEADERSHIP;
import static dev.rewind.notifier.escalation.EscalationLadderTest.OPENED;
import static dev.rewind.notifier.escalation.EscalationLadderTest.RUNBOOK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationReasonTest {

    private static final EscalationState FAILED = new EscalationState(OPENED, 42L, 2,
            "the rollback failed: deployment \"checkout\" exceeded its progress deadline", null, null, null);

    @Test
    void namesTheIncidentTheLevelHowLongAndWhatIsStillOpen() {
        String reason = EscalationReason.of(RUNBOOK.due(FAILED, OPENED.plus(Duration.ofMinutes(31))).orElseThrow(),
                "INCIDENT-42", "production/shop/checkout", FAILED, OPENED.plus(Duration.ofMinutes(31)));
        assertThat(reason).isEqualTo("INCIDENT-42 on production/shop/checkout is still unresolved 31 min after it"
                + " opened: escalated to level 3 (engineering leadership), due after 30 min. Still open: the rollback"
                + " failed: deployment \"checkout\" exceeded its progress deadline.");
    }

    @Test
    void saysWhichLevelsWereSkippedAfterAnOutage() {
        EscalationState opened = EscalationState.start(OPENED, 1);
        String reason = EscalationReason.of(new EscalationLadder.Step(EXECUTIVES, List.of(DEVOPS, LEADERSHIP)),
                "INCIDENT-7", "production/shop/cart", opened, OPENED.plus(Duration.ofMinutes(65)));
        assertThat(reason).isEqualTo("INCIDENT-7 on production/shop/cart is still unresolved 1 h 5 min after it"
                + " opened: escalated to level 4 (executive team), due after 1 h. Level 2 (DevOps team, due after"
                + " 15 min) and level 3 (engineering leadership, due after 30 min) were not announced on time"
                + " (escalation checks were not running): only the highest level due is announced.");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(EscalationReason.duration(Duration.ofSeconds(2))).isEqualTo("2 s");
        assertThat(EscalationReason.duration(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(EscalationReason.duration(Duration.ofMinutes(120))).isEqualTo("2 h");
        assertThat(EscalationReason.duration(Duration.ofMillis(-5))).isEqualTo("0 s");
    }
}
