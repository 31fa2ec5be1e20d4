package dev.rewind.notifier.escalation;

import dev.rewind.notifier.escalation.EscalationLadder.Level;
import dev.rewind.notifier.escalation.EscalationLadder.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/** The reason an {@code IncidentEscalated} event gives: who is told, about which incident, since when, and why. */
final class EscalationReason {

    private EscalationReason() {
    }

    /**
     * {@code INCIDENT-42 on production/shop/checkout is still unresolved 31 min after it opened: escalated to level 3
     * (engineering leadership), due after 30 min. Still open: the rollback failed: ...}
     */
    static String of(Step step, String incident, String target, EscalationState state, Instant now) {
        Level level = step.level();
        StringBuilder reason = new StringBuilder()
                .append(incident).append(" on ").append(target).append(" is still unresolved ")
                .append(duration(Duration.between(state.openedAt(), now))).append(" after it opened: escalated to ")
                .append(level.title()).append(", due after ").append(duration(level.after())).append('.');
        if (state.stillOpen() != null) {
            reason.append(" Still open: ").append(state.stillOpen()).append('.');
        }
        if (!step.skipped().isEmpty()) {
            reason.append(' ').append(capitalized(step.skipped().stream()
                            .map(skipped -> "level " + skipped.number() + " (" + skipped.name() + ", due after "
                                    + duration(skipped.after()) + ")")
                            .collect(Collectors.joining(" and "))))
                    .append(step.skipped().size() == 1 ? " was" : " were")
                    .append(" not announced on time (escalation checks were not running): only the highest level"
                            + " due is announced.");
        }
        return reason.toString();
    }

    /** {@code 45 s}, {@code 31 min}, {@code 1 h 5 min}: how people say it. */
    static String duration(Duration duration) {
        long seconds = Math.max(duration.toSeconds(), 0);
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
