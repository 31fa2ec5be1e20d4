package dev.rewind.notifier.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackFailed;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscalationScopeTest {

    private static final TargetKey PRODUCTION = TargetKey.parse("production/payments/checkout");
    private static final TargetKey STAGING = TargetKey.parse("staging/storefront/checkout");

    private static IncidentOpened opened(Severity severity) {
        IncidentOpened fixture = EventFixtures.event(IncidentOpened.class);
        return new IncidentOpened(fixture.incidentId(), fixture.incidentNumber(), PRODUCTION, severity,
                fixture.signal(), fixture.reason(), fixture.version(), fixture.occurredAt());
    }

    @Test
    void onlyTheConfiguredEnvironmentsEscalate() {
        EscalationScope production = new EscalationScope(Set.of("production"), Set.of());
        assertThat(production.covers(PRODUCTION)).isTrue();
        assertThat(production.covers(STAGING)).isFalse();
        assertThat(new EscalationScope(Set.of(), Set.of()).covers(STAGING)).as("all when unset").isTrue();
    }

    @Test
    void anIncidentOpenedWithASeverityThatDoesNotEscalateEndsItsPathAtOnce() {
        EscalationScope urgent = new EscalationScope(Set.of(), Set.of(Severity.P1, Severity.P0));
        assertThat(urgent.excludes(opened(Severity.P1))).isEmpty();
        assertThat(urgent.excludes(opened(Severity.P2)))
                .contains("P2 incidents do not escalate (rewind.notifier.escalation.severities=[P0, P1])");
        assertThat(urgent.excludes(EventFixtures.event(RollbackFailed.class))).as("severity comes with the opening")
                .isEmpty();
        assertThat(new EscalationScope(Set.of(), Set.of()).excludes(opened(Severity.P3))).isEmpty();

        EscalationState ended = EscalationState.start(Instant.EPOCH, 1).ended(Instant.EPOCH, "P2 incidents ...")
                .after(EventFixtures.event(RollbackFailed.class));
        assertThat(ended.resolved()).as("later events do not start it").isTrue();
    }
}
