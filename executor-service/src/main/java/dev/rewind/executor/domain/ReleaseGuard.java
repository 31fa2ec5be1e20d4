package dev.rewind.executor.domain;

import dev.rewind.events.Release;
import java.util.Optional;

/**
 * Acts only while the world is what the decision saw: a rollback is refused once its target no longer runs the release
 * its incident judged bad (already rolled back, or deployed again), so Rewind never rolls back a rollback.
 */
public final class ReleaseGuard {

    private ReleaseGuard() {
    }

    /**
     * Why rolling back {@code deployment} ({@code namespace/name}) must not go on, or empty while it still runs the
     * judged release.
     */
    public static Optional<String> refusal(String deployment, Release running, Release judged, long incidentNumber) {
        if (running.sameAs(judged)) {
            return Optional.empty();
        }
        return Optional.of("deployment " + deployment + " now runs " + running + ", not " + judged + " that incident "
                + incidentNumber + " judged bad: already rolled back or deployed again; not rolling back");
    }
}
