package dev.rewind.drill;

import java.time.Instant;
import java.util.List;

/**
 * What one drill measured and concluded: its timeline, the runbook's success criteria with their measured values,
 * where to look next, and why it failed when it did.
 *
 * @param failure the phase that failed and why; null when every phase completed
 */
public record DrillResult(String scenario, String target, Instant faultInjectedAt, List<Mark> timeline,
                          List<Criterion> criteria, List<String> whereToLook, String failure) {

    public DrillResult {
        timeline = List.copyOf(timeline);
        criteria = List.copyOf(criteria);
        whereToLook = List.copyOf(whereToLook);
    }

    /** One moment of the drill: something the drill did or saw, or a line of the incident's timeline. */
    public record Mark(Instant at, String source, String what) {
    }

    /**
     * One success criterion: met or not, and the value measured for it. A required one (the runbook's) fails the
     * drill when missed; a goal is reported, met or missed, without failing it.
     */
    public record Criterion(String name, boolean met, String measured, boolean required) {
    }

    /** Passed: every phase completed and every required criterion was met. */
    public boolean passed() {
        return failure == null && criteria.stream().allMatch(c -> c.met() || !c.required());
    }
}
