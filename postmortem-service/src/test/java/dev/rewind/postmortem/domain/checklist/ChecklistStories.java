package dev.rewind.postmortem.domain.checklist;

import dev.rewind.events.IncidentScoped;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.postmortem.domain.Deadlines;
import dev.rewind.postmortem.domain.FixtureStory;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.IncidentHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** INCIDENT-123 of {@link FixtureStory}, with more events, as the checklist's rules read it. */
final class ChecklistStories {

    static final TargetKey TARGET = TargetKey.parse("production/payments/checkout");
    /** When the fixtures' rollback succeeded: the checklist's start. */
    static final Instant COMPLETED = Instant.parse("2026-11-15T14:32:00Z");
    /** When the fixtures' passed verification came. */
    static final Instant VERIFIED = Instant.parse("2026-11-15T14:32:30Z");
    /** When the fixtures' alerts all resolved. */
    static final Instant ALERTS_RESOLVED = Instant.parse("2026-11-15T14:34:00Z");

    private ChecklistStories() {
    }

    /** The recovered story plus {@code more} events, folded long after. */
    static Incident recoveredWith(IncidentScoped... more) {
        return fold(FixtureStory.RECOVERED, more);
    }

    /** The fixture events of {@code types} plus {@code more}, folded long after. */
    static Incident fold(List<String> types, IncidentScoped... more) {
        List<IncidentHistory.Recorded> recorded = new ArrayList<>(FixtureStory.recorded(types));
        for (IncidentScoped event : more) {
            recorded.add(new IncidentHistory.Recorded(UUID.randomUUID(), recorded.size() + 1, event));
        }
        return IncidentHistory.fold(FixtureStory.INCIDENT, recorded, Deadlines.runbook(), FixtureStory.LATER);
    }

    /** {@code channel} delivered {@code notification} at {@code at}. */
    static NotificationDelivered delivered(String channel, String notification, Instant at) {
        return new NotificationDelivered(FixtureStory.INCIDENT, TARGET, channel, UUID.randomUUID(),
                "dev.rewind.rollback.succeeded.v1", notification, channel + ": " + notification, at);
    }

    /** The recovered story's facts: its alerts resolved. */
    static AutoCheck.Facts recovered(IncidentScoped... more) {
        return new AutoCheck.Facts(recoveredWith(more), ALERTS_RESOLVED);
    }
}
