package dev.rewind.postmortem.domain;

import dev.rewind.events.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** How soon after detection each severity must be rolled back: the runbook's quick reference, or configuration. */
public record Deadlines(Map<Severity, Duration> limits) {

    public Deadlines {
        for (Severity severity : Severity.values()) {
            Duration limit = limits.get(severity);
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the deadline of " + severity + " must be a positive duration, got "
                        + limit);
            }
        }
        limits = Map.copyOf(limits);
    }

    /** The runbook's: P0 5 minutes, P1 15 minutes, P2 1 hour, P3 4 hours. */
    public static Deadlines runbook() {
        Map<Severity, Duration> limits = new EnumMap<>(Severity.class);
        limits.put(Severity.P0, Duration.ofMinutes(5));
        limits.put(Severity.P1, Duration.ofMinutes(15));
        limits.put(Severity.P2, Duration.ofHours(1));
        limits.put(Severity.P3, Duration.ofHours(4));
        return new Deadlines(limits);
    }

    /** The deadline of {@code severity}. */
    public Duration of(Severity severity) {
        return limits.get(severity);
    }
}
