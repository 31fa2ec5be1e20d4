package dev.rewind.postmortem.persistence;

import dev.rewind.postmortem.domain.query.IncidentCursor;
import dev.rewind.postmortem.domain.query.IncidentFilter;
import dev.rewind.postmortem.domain.query.IncidentQuery;
import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The incident list's query: the filters, then the page after the cursor, newest first. Keyset pagination on
 * (opened_at desc, id desc), which the indexes of V5 serve for the list and for each filter, however deep the page.
 * Runs in the caller's transaction.
 */
public final class IncidentQueries {

    private IncidentQueries() {
    }

    /** One page: at most {@code query.limit()} incidents, and whether more follow. */
    public record Page(List<IncidentRecord> incidents, boolean more) {
    }

    /** The page {@code query} asks for. */
    public static Page page(IncidentQuery query) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        IncidentFilter filter = query.filter();
        in(clauses, parameters, "service", filter.services());
        in(clauses, parameters, "environment", filter.environments());
        in(clauses, parameters, "namespace", filter.namespaces());
        in(clauses, parameters, "severity", filter.severities());
        in(clauses, parameters, "status", filter.statuses());
        if (filter.from() != null) {
            clauses.add("openedAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("openedAt < :to");
            parameters.and("to", filter.to());
        }
        if (filter.text() != null) {
            // lower(reason) like '%...%' is what the trigram index incident_reason_words serves.
            clauses.add("lower(reason) like :text escape '!'");
            parameters.and("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        IncidentCursor after = query.after();
        if (after != null) {
            // The first condition bounds the index scan; the second skips the ties already shown.
            clauses.add("openedAt <= :afterAt and (openedAt < :afterAt or id < :afterId)");
            parameters.and("afterAt", after.openedAt()).and("afterId", after.id());
        }
        String where = clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses) + " ";
        // Plan this page for its own values: a plan made once for any value (PostgreSQL's generic plan, after five
        // runs of a prepared statement) walks the newest-first index for a namespace or word that matches nothing
        // and reads all 100,000 rows (15-45 ms), where a plan for the value takes that value's own index (< 1 ms).
        IncidentRecord.getEntityManager()
                .createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
                .getSingleResult();
        List<IncidentRecord> rows = IncidentRecord.<IncidentRecord>find(where + "order by openedAt desc, id desc",
                parameters).range(0, query.limit()).list();
        boolean more = rows.size() > query.limit();
        return new Page(more ? rows.subList(0, query.limit()) : rows, more);
    }

    private static void in(List<String> clauses, Parameters parameters, String column, Set<?> values) {
        if (!values.isEmpty()) {
            clauses.add(column + " in :" + column);
            parameters.and(column, values);
        }
    }

    /** {@code text} matched literally by LIKE: its wildcards and the escape character escaped. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
