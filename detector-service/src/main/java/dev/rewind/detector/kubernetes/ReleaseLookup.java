package dev.rewind.detector.kubernetes;

import dev.rewind.events.Release;
import dev.rewind.events.incident.DeclineReason;

/** What the detector found when it read the target's Deployment at decision time. */
public sealed interface ReleaseLookup {

    /** The target runs {@code release}: the one a rollback would judge bad. */
    record Running(Release release) implements ReleaseLookup {
    }

    /** Nothing Rewind may roll back automatically; {@code reason} says why, for people. */
    record Refused(DeclineReason code, String reason) implements ReleaseLookup {
    }
}
