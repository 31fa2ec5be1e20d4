package dev.rewind.postmortem.domain.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The range and targets statistics are asked over: incidents detected in {@code [from, to)}, of the given services,
 * environments and namespaces (all when empty).
 */
public record StatisticsQuery(Instant from, Instant to, Set<String> services, Set<String> environments,
                              Set<String> namespaces) {

    /** The parameters of {@code GET /api/v1/incidents/statistics}. */
    public static final Set<String> PARAMETERS = Set.of("from", "to", "service", "environment", "namespace");

    public StatisticsQuery {
        services = Set.copyOf(services);
        environments = Set.copyOf(environments);
        namespaces = Set.copyOf(namespaces);
    }

    /**
     * The query {@code parameters} ask for: {@code to} defaults to {@code now}, {@code from} to {@code defaultRange}
     * before {@code to}; {@link InvalidQuery} naming every parameter at fault otherwise.
     */
    public static StatisticsQuery parse(Map<String, List<String>> parameters, Instant now, Duration defaultRange) {
        QueryReader reader = new QueryReader(parameters, PARAMETERS);
        Instant to = reader.instant("to");
        Instant from = reader.instant("from");
        to = to == null ? now : to;
        from = from == null ? to.minus(defaultRange) : from;
        if (!from.isBefore(to)) {
            reader.problem("from", "must be earlier than to (" + to + "), got '" + from + "'");
        }
        StatisticsQuery query = new StatisticsQuery(from, to, reader.labels("service", "checkout"),
                reader.labels("environment", "production"), reader.labels("namespace", "payments"));
        reader.check();
        return query;
    }
}
