package dev.rewind.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.AlertResolvedOnIncident;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.notifier.domain.IncidentContext;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NoticeTest {

    @Test
    void everyIncidentEventButSingleResolvedAlertsAndNotificationsHasItsOwnKind() {
        Set<Class<? extends IncidentEvent>> silent = Set.of(AlertResolvedOnIncident.class, NotificationDelivered.class,
                NotificationFailed.class);

        Set<Notice.Kind> kinds = Topics.INCIDENT_EVENTS.types().stream()
                .map(type -> Topics.INCIDENT_EVENTS.classOf(type))
                .filter(type -> !silent.contains(type))
                .map(type -> Notice.kindOf(EventFixtures.event(type)).orElseThrow())
                .collect(Collectors.toSet());

        assertThat(kinds).containsExactlyInAnyOrder(Notice.Kind.values());
        assertThat(silent).allSatisfy(type -> assertThat(Notice.kindOf(EventFixtures.event(type))).isEmpty());
    }

    @Test
    void anEscalationIsNamedByItsLevelSoEachLevelIsToldOnce() {
        IncidentEscalated escalated = EventFixtures.event(IncidentEscalated.class);

        assertThat(notice(escalated).notification()).isEqualTo("escalated-" + escalated.level());
        assertThat(notice(EventFixtures.event(RollbackStarted.class)).notification()).isEqualTo("rollback-started");
    }

    @Test
    void routingNamesKindsBySlugOrName() {
        assertThat(Notice.Kind.ofSlug("approval-needed")).isEqualTo(Notice.Kind.APPROVAL_NEEDED);
        assertThat(Notice.Kind.ofSlug("rollback-step")).isEqualTo(Notice.Kind.STEP);
        assertThat(Notice.Kind.ofSlug("step")).isEqualTo(Notice.Kind.STEP);
        assertThatThrownBy(() -> Notice.Kind.ofSlug("rollback-done")).hasMessage("unknown notification kind "
                + "'rollback-done'");
    }

    private static Notice notice(IncidentEvent event) {
        return new Notice(UUID.randomUUID(), "type", event, new IncidentContext(event.target(), 12L, null, null, null,
                null, null));
    }
}
