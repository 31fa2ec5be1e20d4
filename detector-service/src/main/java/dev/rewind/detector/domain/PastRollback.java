package dev.rewind.detector.domain;

import java.time.Instant;

/** A rollback Rewind completed for a target: which incident, and when it succeeded. */
public record PastRollback(long incidentNumber, Instant at) {
}
