package dev.rewind.postmortem.domain.query;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The overdue checklist items a client asked for: of these environments and services (all when empty), how many. */
public record OverdueQuery(Set<String> environments, Set<String> services, int limit) {

    /** The parameters of {@code GET /api/v1/checklist/overdue}. */
    public static final Set<String> PARAMETERS = Set.of("environment", "service", "limit");

    public OverdueQuery {
        environments = Set.copyOf(environments);
        services = Set.copyOf(services);
    }

    /**
     * The query {@code parameters} (name to the values given, repeated or comma lists) ask for; {@link InvalidQuery}
     * naming every parameter at fault otherwise.
     */
    public static OverdueQuery parse(Map<String, List<String>> parameters, int defaultLimit, int maxLimit) {
        QueryReader reader = new QueryReader(parameters, PARAMETERS);
        Set<String> environments = reader.labels("environment", "production");
        Set<String> services = reader.labels("service", "checkout");
        Integer limit = reader.limit("limit", maxLimit);
        reader.check();
        return new OverdueQuery(environments, services, limit == null ? Math.min(defaultLimit, maxLimit) : limit);
    }
}
