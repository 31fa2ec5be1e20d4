package dev.rewind.postmortem.domain.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page of the incident list as a client asked for it: the filter, where the previous page ended (null for the
 * first page) and how many incidents at most.
 */
public record IncidentQuery(IncidentFilter filter, IncidentCursor after, int limit) {

    /** The parameters of {@code GET /api/v1/incidents}. */
    public static final Set<String> PARAMETERS = Set.of("service", "environment", "namespace", "severity", "status",
            "from", "to", "q", "limit", "cursor");

    /**
     * The query {@code parameters} (name to the values given, repeated or comma lists) ask for; {@link InvalidQuery}
     * naming every parameter at fault otherwise.
     */
    public static IncidentQuery parse(Map<String, List<String>> parameters, int defaultLimit, int maxLimit) {
        QueryReader reader = new QueryReader(parameters, PARAMETERS);
        Instant from = reader.instant("from");
        Instant to = reader.instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            reader.problem("to", "must be later than from (" + from + "), got '" + to + "'");
        }
        String text = reader.single("q");
        if (text != null && text.length() > IncidentFilter.MAX_TEXT) {
            reader.problem("q", "must be at most " + IncidentFilter.MAX_TEXT + " characters, got " + text.length());
        }
        IncidentFilter filter = new IncidentFilter(reader.labels("service", "checkout"),
                reader.labels("environment", "production"), reader.labels("namespace", "payments"),
                reader.severities("severity"), reader.statuses("status"), from, to, text);
        Integer limit = reader.limit("limit", maxLimit);
        String cursor = reader.single("cursor");
        IncidentCursor after = null;
        if (cursor != null) {
            try {
                after = IncidentCursor.decode(cursor);
            } catch (InvalidQuery e) {
                e.problems().forEach(p -> reader.problem(p.parameter(), p.message()));
            }
        }
        reader.check();
        return new IncidentQuery(filter, after, limit == null ? Math.min(defaultLimit, maxLimit) : limit);
    }
}
