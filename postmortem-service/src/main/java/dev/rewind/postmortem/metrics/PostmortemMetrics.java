package dev.rewind.postmortem.metrics;

import dev.rewind.events.IncidentScoped;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.VerificationCompleted;
import dev.rewind.platform.metrics.AfterCommit;
import dev.rewind.platform.metrics.RewindMeters;
import dev.rewind.platform.metrics.RewindMetric;
import dev.rewind.postmortem.domain.Incident;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * The latency of Rewind's response, read where every timestamp of an incident meets: from the incident's opening (the
 * detector opens it on the alert, within milliseconds of the webhook's answer) to the executor's start of the rollback,
 * and to the rollback's verification. Recorded once per incident, when the event that ends the span is recorded
 * (not for a duplicate), after its transaction commits; an end that arrives before the opening is not recorded.
 */
@ApplicationScoped
public class PostmortemMetrics {

    private final RewindMeters meters;
    private final AfterCommit afterCommit;

    @Inject
    public PostmortemMetrics(RewindMeters meters, AfterCommit afterCommit) {
        this.meters = meters;
        this.afterCommit = afterCommit;
    }

    /** Records the latency that {@code event}, just recorded for {@code incident}, ends, if it ends one. */
    public void recorded(IncidentScoped event, Incident incident) {
        Instant openedAt = incident.times().detectedAt();
        if (openedAt == null) {
            return;
        }
        String environment = event.target().environment();
        if (event instanceof RollbackStarted started) {
            record(RewindMetric.ALERT_TO_ROLLBACK_STARTED, openedAt, started.occurredAt(), environment);
        } else if (event instanceof VerificationCompleted verification) {
            record(RewindMetric.ALERT_TO_ROLLBACK_VERIFIED, openedAt, verification.occurredAt(), environment,
                    verification.passed() ? "passed" : "failed");
        }
    }

    private void record(RewindMetric metric, Instant from, Instant to, String... tags) {
        Duration took = Duration.between(from, to);
        Duration latency = took.isNegative() ? Duration.ZERO : took;
        afterCommit.run(() -> meters.record(metric, latency, tags));
    }
}
