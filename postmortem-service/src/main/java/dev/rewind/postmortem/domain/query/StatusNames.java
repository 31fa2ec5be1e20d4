package dev.rewind.postmortem.domain.query;

import dev.rewind.postmortem.domain.IncidentStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names a {@code status} filter accepts: every status by its own name (any case, '-' or '_'), and the two
 * words that stand for several: {@code resolved} (rolled back and verified) and {@code failed} (the rollback failed,
 * or rolled out without its verification passing: both need people).
 */
public final class StatusNames {

    private static final Map<String, Set<IncidentStatus>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("resolved", EnumSet.of(IncidentStatus.ROLLED_BACK));
        WORDS.put("failed", EnumSet.of(IncidentStatus.ROLLBACK_FAILED, IncidentStatus.ROLLED_BACK_UNVERIFIED));
    }

    private StatusNames() {
    }

    /** The statuses {@code name} stands for; empty when it names none. */
    public static Set<IncidentStatus> of(String name) {
        String word = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        Set<IncidentStatus> grouped = WORDS.get(word);
        if (grouped != null) {
            return EnumSet.copyOf(grouped);
        }
        return Arrays.stream(IncidentStatus.values()).filter(status -> word.equals(wordOf(status)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(IncidentStatus.class)));
    }

    /** "open, declined, ..., resolved, failed": every accepted name, for error messages. */
    static String describe() {
        return Arrays.stream(IncidentStatus.values()).map(StatusNames::wordOf).collect(Collectors.joining(", "))
                + ", or " + String.join(", ", WORDS.keySet());
    }

    private static String wordOf(IncidentStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
