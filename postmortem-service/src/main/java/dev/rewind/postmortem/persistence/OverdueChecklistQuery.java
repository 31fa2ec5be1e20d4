package dev.rewind.postmortem.persistence;

import dev.rewind.postmortem.domain.query.OverdueQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/** Checklist items not done after their due time, across incidents, the longest overdue first. */
@ApplicationScoped
public class OverdueChecklistQuery {

    private final EntityManager entityManager;

    @Inject
    public OverdueChecklistQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The items overdue at {@code now} in the query's environments and services (any when it names none). */
    public List<ChecklistItemRecord.Overdue> items(OverdueQuery query, Instant now) {
        StringBuilder jpql = new StringBuilder("select c, i from ChecklistItemRecord c, IncidentRecord i"
                + " where i.id = c.incidentId and c.done = false and c.dueAt < :now");
        if (!query.environments().isEmpty()) {
            jpql.append(" and i.environment in :environments");
        }
        if (!query.services().isEmpty()) {
            jpql.append(" and i.service in :services");
        }
        TypedQuery<Object[]> typed = entityManager.createQuery(jpql.append(" order by c.dueAt, c.id").toString(),
                Object[].class).setParameter("now", now).setMaxResults(query.limit());
        if (!query.environments().isEmpty()) {
            typed.setParameter("environments", query.environments());
        }
        if (!query.services().isEmpty()) {
            typed.setParameter("services", query.services());
        }
        return typed.getResultList().stream()
                .map(row -> new ChecklistItemRecord.Overdue((ChecklistItemRecord) row[0], (IncidentRecord) row[1]))
                .toList();
    }
}
