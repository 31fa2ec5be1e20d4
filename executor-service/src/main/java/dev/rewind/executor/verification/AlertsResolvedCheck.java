package dev.rewind.executor.verification;

import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.persistence.AlertsResolvedRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The runbook's last verification step: the alerts that opened the incident resolved, as the detector announced
 * (every alert of the incident seen resolved), within a window. Opt-in: alert resolutions arrive minutes after
 * recovery, and the check holds the rollback's outcome until then.
 */
@Singleton
public class AlertsResolvedCheck implements VerificationCheck {

    static final String NAME = "alerts-resolved";

    private final RetryWindow retry;
    private final Duration window;

    @Inject
    public AlertsResolvedCheck(VerificationConfig config) {
        this.window = config.alertsResolved().window();
        this.retry = new RetryWindow("alerts-resolved check", window, config.alertsResolved().interval());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        if (target.incidentId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(retry.await(() -> QuarkusTransaction.requiringNew().call(
                    () -> AlertsResolvedRecord.<AlertsResolvedRecord>findByIdOptional(target.incidentId()))
                    .map(resolved -> CheckResult.passed(NAME, "every alert of the incident resolved at "
                            + resolved.resolvedAt + " (" + resolved.alerts + ")"))
                    .orElseGet(() -> CheckResult.failed(NAME, "the incident's alerts have not all resolved within "
                            + RetryWindow.readable(window) + ": the service may not have recovered; look at the "
                            + "monitoring before calling it done"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        }
    }
}
