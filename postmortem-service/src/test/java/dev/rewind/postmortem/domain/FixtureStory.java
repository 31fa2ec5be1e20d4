package dev.rewind.postmortem.domain;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.IncidentScoped;
import dev.rewind.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * INCIDENT-123 as the shared event fixtures tell it: production/payments/checkout, P1, 12% 5xx after v1.3.0, rolled
 * back to v1.2.5 with approval, verified, recovered. Each event as the post-mortem service records it.
 */
public final class FixtureStory {

    /** The fixtures' incident. */
    public static final UUID INCIDENT = UUID.fromString("6f1c2a44-8a3e-4c8e-9a51-1d2f3b4c5d6e");

    /** A moment long after the story: every deadline has passed. */
    public static final Instant LATER = Instant.parse("2026-11-20T00:00:00Z");

    /** The happy path, in the order it happened. */
    public static final List<String> RECOVERED = List.of(
            "dev.rewind.incident.opened.v1",
            "dev.rewind.rollback.requested.v1",
            "dev.rewind.approval.requested.v1",
            "dev.rewind.approval.granted.v1",
            "dev.rewind.rollback.started.v1",
            "dev.rewind.rollback.step-completed.v1",
            "dev.rewind.notification.delivered.v1",
            "dev.rewind.rollback.succeeded.v1",
            "dev.rewind.verification.completed.v1",
            "dev.rewind.incident.alerts-resolved.v1",
            "dev.rewind.incident.alert-resolved.v1");

    /** The rollback failed after it started. */
    public static final List<String> FAILED = List.of(
            "dev.rewind.incident.opened.v1",
            "dev.rewind.rollback.requested.v1",
            "dev.rewind.approval.requested.v1",
            "dev.rewind.approval.granted.v1",
            "dev.rewind.rollback.started.v1",
            "dev.rewind.rollback.failed.v1");

    private FixtureStory() {
    }

    /** The fixture events of {@code types}, numbered in that order of arrival. */
    public static List<IncidentHistory.Recorded> recorded(List<String> types) {
        List<IncidentHistory.Recorded> recorded = new ArrayList<>();
        for (String type : types) {
            recorded.add(new IncidentHistory.Recorded(UUID.nameUUIDFromBytes(type.getBytes()), recorded.size() + 1,
                    event(type)));
        }
        return recorded;
    }

    /** The fixture event of {@code type}, from either topic the service consumes. */
    public static IncidentScoped event(String type) {
        return Topics.ROLLBACK_REQUESTS.types().contains(type)
                ? Topics.ROLLBACK_REQUESTS.parse(type, EventFixtures.json(type))
                : Topics.INCIDENT_EVENTS.parse(type, EventFixtures.json(type));
    }

    /** The recovered story folded with the runbook's deadlines, long after it ended. */
    public static Incident recovered() {
        return IncidentHistory.fold(INCIDENT, recorded(RECOVERED), Deadlines.runbook(), LATER);
    }
}
