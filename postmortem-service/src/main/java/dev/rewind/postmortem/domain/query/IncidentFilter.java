package dev.rewind.postmortem.domain.query;

import dev.rewind.events.Severity;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Which incidents a list shows; an empty set or a null bound does not filter. Each set matches any of its values; the
 * filters all apply together.
 *
 * @param from detected at or after (inclusive)
 * @param to detected before (exclusive)
 * @param text words the trigger reason contains, in any case
 */
public record IncidentFilter(Set<String> services, Set<String> environments, Set<String> namespaces,
                             Set<Severity> severities, Set<IncidentStatus> statuses, Instant from, Instant to,
                             String text) {

    /** The longest {@code q} accepted: a reason is one sentence. */
    public static final int MAX_TEXT = 200;

    public IncidentFilter {
        services = Set.copyOf(services);
        environments = Set.copyOf(environments);
        namespaces = Set.copyOf(namespaces);
        severities = Set.copyOf(severities);
        statuses = Set.copyOf(statuses);
    }

    /** No filter: every incident. */
    public static IncidentFilter none() {
        return new IncidentFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null);
    }
}
