package dev.rewind.postmortem.domain.query;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a request's query parameters (each repeatable, or a comma list), collecting every mistake so that one 400
 * names them all.
 */
final class QueryReader {

    private final Map<String, List<String>> parameters;
    private final List<InvalidQuery.Problem> problems = new ArrayList<>();

    QueryReader(Map<String, List<String>> parameters, Set<String> known) {
        this.parameters = parameters;
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (!known.contains(name)) {
                problem(name, "is not a parameter of this endpoint (a misspelt filter would silently show "
                        + "everything); use " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    /** Every value of {@code name}: repeated parameters and comma lists, trimmed, empty ones left out. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            Arrays.stream(value.split(",", -1)).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
        }
        return values;
    }

    /** The one value of {@code name}, or null when it is absent or empty; a problem when it is given twice. */
    String single(String name) {
        List<String> given = parameters.getOrDefault(name, List.of()).stream().map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
        if (given.size() > 1) {
            problem(name, "must be given once, got " + given.size() + " values");
            return null;
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** Kubernetes names (environment, namespace, service): DNS-1123 labels. */
    Set<String> labels(String name, String example) {
        Set<String> labels = new LinkedHashSet<>();
        for (String value : values(name)) {
            if (TargetKey.isDns1123Label(value)) {
                labels.add(value);
            } else {
                problem(name, "must be a " + name + " name (a DNS-1123 label: lower-case letters, digits and '-', "
                        + "such as " + example + "), got '" + value + "'");
            }
        }
        return labels;
    }

    Set<Severity> severities(String name) {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (String value : values(name)) {
            try {
                severities.add(Severity.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem(name, "must be one of P0, P1, P2, P3, got '" + value + "'");
            }
        }
        return severities;
    }

    Set<IncidentStatus> statuses(String name) {
        Set<IncidentStatus> statuses = EnumSet.noneOf(IncidentStatus.class);
        for (String value : values(name)) {
            Set<IncidentStatus> named = StatusNames.of(value);
            if (named.isEmpty()) {
                problem(name, "must be a status (" + StatusNames.describe() + "), got '" + value + "'");
            }
            statuses.addAll(named);
        }
        return statuses;
    }

    /**
     * An ISO-8601 instant with an offset ({@code 2026-11-15T14:25:31Z}, {@code 2026-11-15T15:25:31+01:00}), in the
     * years 1 to 9999.
     */
    Instant instant(String name) {
        return parsed(name, value -> storable(OffsetDateTime.parse(value).toInstant()),
                "must be an ISO-8601 time with an offset in the years 1 to 9999, such as 2026-11-15T14:25:31Z");
    }

    /**
     * {@code instant} when its year (UTC) is 1 to 9999; an {@link IllegalArgumentException} otherwise, for a time
     * Java parses but PostgreSQL's timestamps cannot hold would fail the query rather than the request.
     */
    static Instant storable(Instant instant) {
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is outside 1 to 9999");
        }
        return instant;
    }

    /** A whole number from 1 to {@code max}. */
    Integer limit(String name, int max) {
        return parsed(name, value -> {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > max) {
                throw new IllegalArgumentException();
            }
            return limit;
        }, "must be a whole number from 1 to " + max);
    }

    private <T> T parsed(String name, Function<String, T> parse, String rule) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problem(name, rule + ", got '" + value + "'");
            return null;
        }
    }

    void problem(String name, String message) {
        problems.add(new InvalidQuery.Problem(name, message));
    }

    /** Throws {@link InvalidQuery} naming every problem found, if any. */
    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidQuery(problems);
        }
    }
}
