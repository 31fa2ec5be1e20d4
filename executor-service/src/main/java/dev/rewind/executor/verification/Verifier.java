package dev.rewind.executor.verification;

import dev.rewind.executor.domain.ExecutionInterrupted;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Verifies a rolled-out rollback: runs every configured check in the configured order, each bounded by
 * {@code rewind.executor.verification.check-timeout}. A check that fails, throws or times out is a failed result
 * with its reason; only the executor stopping (an interrupt) ends verification early, as {@link ExecutionInterrupted}.
 */
@ApplicationScoped
public class Verifier {

    private static final Logger LOG = Logger.getLogger(Verifier.class);

    private final Map<String, VerificationCheck> checks = new TreeMap<>();
    private final List<String> order;
    private final Duration checkTimeout;
    private final Guard timeout;

    @Inject
    public Verifier(Instance<VerificationCheck> available, VerificationConfig config) {
        available.forEach(check -> checks.put(check.name(), check));
        this.order = List.copyOf(config.checks());
        this.checkTimeout = config.checkTimeout();
        this.timeout = Guard.create().withDescription("verification check")
                .withTimeout().duration(checkTimeout.toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }

    /** The results of the checks configured for {@code target}, in order; a check not configured for it is absent. */
    @WithSpan("verify rollback")
    public List<CheckResult> verify(VerificationTarget target) {
        List<CheckResult> results = new ArrayList<>();
        for (String name : order) {
            VerificationCheck check = checks.get(name.trim());
            Optional<CheckResult> result = check == null
                    ? Optional.of(CheckResult.failed(name, "no verification check is called '" + name + "' (known: "
                            + String.join(", ", checks.keySet()) + "): fix rewind.executor.verification.checks"))
                    : run(check, target);
            result.ifPresent(r -> {
                LOG.infof("verification of %s: %s %s: %s", target.describe(), r.name(), r.passed() ? "passed"
                        : "FAILED", r.detail());
                results.add(r);
            });
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private Optional<CheckResult> run(VerificationCheck check, VerificationTarget target) {
        try {
            return timeout.call(() -> check.run(target), Optional.class);
        } catch (TimeoutException e) {
            return Optional.of(CheckResult.failed(check.name(), "the check did not finish within "
                    + RetryWindow.readable(checkTimeout) + " (rewind.executor.verification.check-timeout): the "
                    + "Kubernetes API or the service did not answer in time"));
        } catch (InterruptedException | ExecutionInterrupted e) {
            // Not the timeout's interrupt (that one is a TimeoutException): the executor is stopping.
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        } catch (Exception e) {
            LOG.warnf(e, "verification check %s of %s failed", check.name(), target.describe());
            return Optional.of(CheckResult.failed(check.name(), "the check could not run: " + message(e)));
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
