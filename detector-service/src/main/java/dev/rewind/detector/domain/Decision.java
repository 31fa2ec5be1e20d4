package dev.rewind.detector.domain;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import dev.rewind.events.incident.DeclineReason;

/** What the decision matrix says about one firing alert. */
public sealed interface Decision {

    /**
     * Roll the target back.
     *
     * @param threshold the matrix's threshold the alert's value was compared with; null when none was (a health
     *                  check, a security finding, an alert without a value taken at its word)
     */
    record RollBack(Severity severity, ExecutionMode mode, String reason, Double threshold) implements Decision {
    }

    /** Do not roll back; tell people why (fix forward, or a guard fired). */
    record Decline(Severity severity, DeclineReason code, String reason) implements Decision {
    }

    /** Not a rollback matter (below threshold, unknown signal): keep the alert as evidence only. */
    record Ignore(String reason) implements Decision {
    }
}
