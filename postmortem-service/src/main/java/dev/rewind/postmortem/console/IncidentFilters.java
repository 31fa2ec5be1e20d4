package dev.rewind.postmortem.console;

import dev.rewind.postmortem.domain.query.IncidentQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live list's filter form, as the incident API's query: blank fields are left out, and the time range (the last
 * hour, day, week or 30 days) becomes a {@code from}.
 */
public record IncidentFilters(String service, String environment, String severity, String status, String range,
                              String q) {

    /** The severities the form offers. */
    public static final List<String> SEVERITIES = List.of("P0", "P1", "P2", "P3");

    /** The statuses the form offers, in the order an incident goes through them, then the incident API's two groups. */
    public static final List<String> STATUSES = List.of("open", "awaiting-approval", "approved", "rolling-back",
            "rolled-back", "rolled-back-unverified", "rollback-failed", "declined", "rejected", "expired", "resolved",
            "failed");

    /** The time ranges the form offers, shortest first. */
    public static final List<String> RANGES = List.of("1h", "24h", "7d", "30d");

    /** The query these filters ask for, at most {@code limit} incidents, as of {@code now}. */
    public IncidentQuery query(int limit, Instant now) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        put(parameters, "service", service);
        put(parameters, "environment", environment);
        put(parameters, "severity", severity);
        put(parameters, "status", status);
        put(parameters, "q", q);
        if (range != null && RANGES.contains(range)) {
            Duration length = range.endsWith("h") ? Duration.ofHours(Long.parseLong(range.replace("h", "")))
                    : Duration.ofDays(Long.parseLong(range.replace("d", "")));
            parameters.put("from", List.of(now.minus(length).toString()));
        }
        parameters.put("limit", List.of(String.valueOf(limit)));
        return IncidentQuery.parse(parameters, limit, limit);
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, List.of(value.strip()));
        }
    }
}
