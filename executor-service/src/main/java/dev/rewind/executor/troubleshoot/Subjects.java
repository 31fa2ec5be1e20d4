package dev.rewind.executor.troubleshoot;

import java.util.List;

/** Names objects as people do, several of a kind at once: {@code "pods checkout-a, checkout-b and 3 more"}. */
final class Subjects {

    private static final int NAMED = 3;

    private Subjects() {
    }

    /** One subject for {@code subjects} ({@code "<kind> <name>"} each), naming at most three of them. */
    static String merge(List<String> subjects) {
        if (subjects.size() == 1) {
            return subjects.get(0);
        }
        String kind = kindOf(subjects.get(0));
        boolean sameKind = subjects.stream().allMatch(s -> s.indexOf(' ') > 0 && kindOf(s).equals(kind));
        List<String> named = subjects.stream().limit(NAMED)
                .map(s -> sameKind ? s.substring(kind.length() + 1) : s).toList();
        String rest = subjects.size() > NAMED ? " and " + (subjects.size() - NAMED) + " more" : "";
        return (sameKind ? plural(kind) + " " : "") + String.join(", ", named) + rest;
    }

    private static String kindOf(String subject) {
        int space = subject.indexOf(' ');
        return space < 0 ? subject : subject.substring(0, space);
    }

    private static String plural(String kind) {
        return kind.endsWith("s") ? kind + "es" : kind + "s";
    }
}
