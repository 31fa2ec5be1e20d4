package dev.rewind.notifier.escalation;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import java.util.Optional;
import java.util.Set;

/**
 * Which incidents follow the escalation path: those of the configured environments and severities (each: all when
 * none is configured). A staging incident left open never pages the executive team.
 */
public record EscalationScope(Set<String> environments, Set<Severity> severities) {

    public EscalationScope {
        environments = Set.copyOf(environments);
        severities = Set.copyOf(severities);
    }

    static EscalationScope of(EscalationConfig config) {
        return new EscalationScope(config.environments().orElse(Set.of()), config.severities().orElse(Set.of()));
    }

    /** True when incidents of {@code target}'s environment escalate. */
    public boolean covers(TargetKey target) {
        return environments.isEmpty() || environments.contains(target.environment());
    }

    /** Why the path of the incident {@code event} opens ends at once, when its severity does not escalate. */
    public Optional<String> excludes(IncidentEvent event) {
        if (event instanceof IncidentOpened opened && !severities.isEmpty()
                && !severities.contains(opened.severity())) {
            return Optional.of(opened.severity() + " incidents do not escalate (" + EscalationConfig.PREFIX
                    + ".severities=" + severities.stream().sorted().map(Severity::name).toList() + ")");
        }
        return Optional.empty();
    }
}
