package dev.rewind.notifier.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The runbook's escalation path as configured: which level an incident reaches when, and which level is due now.
 * Pure: the timer and the consumer ask it, given the incident's {@link EscalationState} and the time.
 */
public final class EscalationLadder {

    /** The levels an {@code IncidentEscalated} event can name. */
    static final int LOWEST = 1;
    static final int HIGHEST = 4;

    /**
     * One level of the path.
     *
     * @param after how long after the incident opened the level is due when the incident is still unresolved
     * @param name who the level is, in people's words ("DevOps team")
     */
    public record Level(int number, Duration after, String name) {

        /** {@code level 3 (engineering leadership)}. */
        public String title() {
            return "level " + number + " (" + name + ")";
        }
    }

    /**
     * The level due now, and the lower levels whose time also passed unannounced (the notifier was down, or its
     * checks fell behind): only the highest is announced, the reason says which were skipped.
     */
    public record Step(Level level, List<Level> skipped) {
    }

    private final List<Level> levels;

    /** Checks that {@code levels} make a path: numbers 1 to 4, each due later than the one below it. */
    public EscalationLadder(Collection<Level> levels) {
        List<Level> sorted = new ArrayList<>(levels);
        sorted.sort(Comparator.comparingInt(Level::number));
        Level below = null;
        for (Level level : sorted) {
            if (level.number() < LOWEST || level.number() > HIGHEST) {
                throw new IllegalArgumentException(EscalationConfig.PREFIX + ".levels." + level.number()
                        + " is not on the runbook's escalation path (levels " + LOWEST + " to " + HIGHEST
                        + "): remove it or renumber it");
            }
            if (level.after() == null || level.after().isNegative()) {
                throw new IllegalArgumentException(EscalationConfig.PREFIX + ".levels." + level.number()
                        + ".after must be zero or a positive duration such as 15m, got " + level.after());
            }
            if (level.name() == null || level.name().isBlank()) {
                throw new IllegalArgumentException(EscalationConfig.PREFIX + ".levels." + level.number()
                        + ".name is empty: name who the level is, e.g. 'DevOps team'");
            }
            if (below != null && level.after().compareTo(below.after()) <= 0) {
                throw new IllegalArgumentException(EscalationConfig.PREFIX + ".levels." + level.number()
                        + ".after (" + level.after() + ") must be longer than " + EscalationConfig.PREFIX + ".levels."
                        + below.number() + ".after (" + below.after() + "): a higher level is told later");
            }
            below = level;
        }
        this.levels = List.copyOf(sorted);
    }

    public List<Level> levels() {
        return levels;
    }

    /**
     * The highest level reached as the incident opens: those due at once (after 0), whose people get the incident's
     * normal messages, so no escalation is announced for them. 0 when every level waits.
     */
    public int reachedAtOpening() {
        return levels.stream().filter(level -> level.after().isZero()).mapToInt(Level::number).max().orElse(0);
    }

    /** The level to announce at {@code now}, if any: the highest one due that was not reached yet. */
    public Optional<Step> due(EscalationState state, Instant now) {
        if (state.resolved() || state.heldUntil() != null && now.isBefore(state.heldUntil())) {
            return Optional.empty();
        }
        List<Level> due = levels.stream()
                .filter(level -> level.number() > state.reached())
                .filter(level -> !state.openedAt().plus(level.after()).isAfter(now))
                .toList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step(due.get(due.size() - 1), due.subList(0, due.size() - 1)));
    }

    /** The next level to announce, while the incident is unresolved and one is left above the level reached. */
    public Optional<Level> next(EscalationState state) {
        if (state.resolved()) {
            return Optional.empty();
        }
        return levels.stream().filter(level -> level.number() > state.reached()).findFirst();
    }

    /** When the next level is due, if one is left: its time, or the end of a hold when that is later. */
    public Optional<Instant> nextDue(EscalationState state) {
        return next(state).map(level -> state.openedAt().plus(level.after()))
                .map(due -> state.heldUntil() != null && state.heldUntil().isAfter(due) ? state.heldUntil() : due);
    }
}
