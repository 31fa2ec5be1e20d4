package dev.rewind.postmortem.persistence;

import dev.rewind.postmortem.domain.query.RollbackStatistics;
import dev.rewind.postmortem.domain.query.StatisticsQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Counts and percentiles per (environment, namespace, service) and over all of them, in one aggregate query over the
 * incidents detected in the range (GROUPING SETS; percentile_cont interpolates, ignoring incidents without a time).
 */
@ApplicationScoped
public class IncidentStatisticsQuery {

    /** The deadline rule of {@code Incident.DeadlineState.of}, in SQL: keep the two the same. */
    private static final String SQL = """
            SELECT environment, namespace, service, GROUPING(environment, namespace, service) <> 0 AS overall,
                   count(*),
                   count(*) FILTER (WHERE status IN ('ROLLING_BACK', 'ROLLED_BACK', 'ROLLED_BACK_UNVERIFIED',
                                                     'ROLLBACK_FAILED')),
                   count(*) FILTER (WHERE status = 'ROLLED_BACK'),
                   count(*) FILTER (WHERE status = 'ROLLED_BACK_UNVERIFIED'),
                   count(*) FILTER (WHERE status = 'ROLLBACK_FAILED'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY time_to_rollback_ms),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY time_to_rollback_ms),
                   count(*) FILTER (WHERE rollback_completed_at <= deadline_at),
                   count(*) FILTER (WHERE rollback_completed_at > deadline_at
                                       OR (rollback_completed_at IS NULL AND deadline_at < :now
                                           AND status NOT IN ('DECLINED', 'REJECTED')))
            FROM incident
            WHERE opened_at >= :from AND opened_at < :to %s
            GROUP BY GROUPING SETS ((environment, namespace, service), ())
            ORDER BY overall, environment, namespace, service
            """;

    private final EntityManager entityManager;

    @Inject
    public IncidentStatisticsQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One group's figures: {@code service} and the others are null for the overall row. */
    public record Group(String environment, String namespace, String service, RollbackStatistics statistics) {
    }

    /** The groups, each service in each environment then the overall row (always there, 0 incidents if none). */
    public List<Group> groups(StatisticsQuery query, Instant now) {
        StringBuilder filters = new StringBuilder();
        in(filters, "service", query.services());
        in(filters, "environment", query.environments());
        in(filters, "namespace", query.namespaces());
        Query sql = entityManager.createNativeQuery(SQL.formatted(filters))
                .setParameter("from", query.from()).setParameter("to", query.to()).setParameter("now", now);
        bind(sql, "service", query.services());
        bind(sql, "environment", query.environments());
        bind(sql, "namespace", query.namespaces());
        List<Group> groups = new ArrayList<>();
        for (Object row : sql.getResultList()) {
            Object[] c = (Object[]) row;
            RollbackStatistics statistics = RollbackStatistics.of(new RollbackStatistics.Counts(count(c[4]),
                    count(c[5]), count(c[6]), count(c[7]), count(c[8]), millis(c[9]), millis(c[10]), count(c[11]),
                    count(c[12])));
            boolean overall = Boolean.TRUE.equals(c[3]);
            groups.add(overall ? new Group(null, null, null, statistics)
                    : new Group((String) c[0], (String) c[1], (String) c[2], statistics));
        }
        return groups;
    }

    private static void in(StringBuilder filters, String column, Set<String> values) {
        if (!values.isEmpty()) {
            filters.append(" AND ").append(column).append(" IN (:").append(column).append(")");
        }
    }

    private static void bind(Query sql, String column, Set<String> values) {
        if (!values.isEmpty()) {
            sql.setParameter(column, values);
        }
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Double millis(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
