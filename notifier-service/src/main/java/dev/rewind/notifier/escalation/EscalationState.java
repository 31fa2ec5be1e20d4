package dev.rewind.notifier.escalation;

import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one incident stands on the escalation path, as its events told: when it opened, the highest level reached,
 * what is still open, and whether it ended (nobody needs to act any more, {@code resolvedAt}).
 *
 * @param incidentNumber the {@code INCIDENT-<n>} number, once the opening event was seen
 * @param stillOpen what is still open, in people's words, for the escalation's reason
 * @param resolution why the path stopped, once it did
 * @param heldUntil no level is announced before this time (null: none held): the notifier is catching up on events
 *                  it missed, and the incident's resolution may be among them
 */
public record EscalationState(Instant openedAt, Long incidentNumber, int reached, String stillOpen,
                              Instant resolvedAt, String resolution, Instant heldUntil) {

    /** An incident first seen at {@code openedAt}, with the levels due at once reached. */
    public static EscalationState start(Instant openedAt, int reachedAtOpening) {
        return new EscalationState(openedAt, null, reachedAtOpening, null, null, null, null);
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    /**
     * The state once {@code event} is known. Events may arrive in any order: an opening seen late moves the start
     * back, a level reached elsewhere (approval-service's deadline, or another instance) counts once, whichever
     * arrives first, and an ended path stays ended.
     */
    public EscalationState after(IncidentEvent event) {
        EscalationState next = this;
        if (event instanceof IncidentOpened opened) {
            Instant start = opened.occurredAt().isBefore(openedAt) ? opened.occurredAt() : openedAt;
            next = new EscalationState(start, opened.incidentNumber(), reached, stillOpen, resolvedAt, resolution,
                    heldUntil);
        } else if (event instanceof IncidentEscalated escalated) {
            next = reaching(escalated.level());
        }
        if (next.resolved()) {
            return next;
        }
        Optional<String> ended = IncidentProgress.resolution(event);
        if (ended.isPresent()) {
            return next.ended(event.occurredAt(), ended.get());
        }
        String open = IncidentProgress.stillOpen(event).orElse(next.stillOpen);
        return new EscalationState(next.openedAt, next.incidentNumber, next.reached, open, null, null,
                next.heldUntil);
    }

    /** The state with its path ended at {@code at} for {@code why}, unless it already ended. */
    public EscalationState ended(Instant at, String why) {
        return resolved() ? this
                : new EscalationState(openedAt, incidentNumber, reached, stillOpen, at, why, heldUntil);
    }

    /** The state once {@code level} was announced; a lower level reached later changes nothing. */
    public EscalationState reaching(int level) {
        return level <= reached ? this
                : new EscalationState(openedAt, incidentNumber, level, stillOpen, resolvedAt, resolution, heldUntil);
    }

    /**
     * The state once an event that happened at {@code occurredAt} arrived at {@code now}: when it arrived later than
     * {@code grace}, the notifier is catching up on events it missed, and no level is announced for {@code grace}
     * (the incident's resolution may be among the events still to read).
     */
    public EscalationState arrived(Instant occurredAt, Instant now, Duration grace) {
        return Duration.between(occurredAt, now).compareTo(grace) > 0 ? holding(now.plus(grace)) : this;
    }

    /** The state with no level announced before {@code until} (a hold already longer is kept). */
    public EscalationState holding(Instant until) {
        return heldUntil != null && !heldUntil.isBefore(until) ? this
                : new EscalationState(openedAt, incidentNumber, reached, stillOpen, resolvedAt, resolution, until);
    }

    /** {@code INCIDENT-42}, or the incident's id while its number is unknown. */
    public static String reference(Long incidentNumber, Object incidentId) {
        return incidentNumber != null ? "INCIDENT-" + incidentNumber : "incident " + incidentId;
    }
}
