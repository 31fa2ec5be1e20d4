package dev.rewind.executor.verification;

import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.platform.probe.HttpExpectation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The service's health endpoint answers 200 (runbook: curl -f .../health), tried again within the HTTP retry window.
 * Its URL comes from the Deployment's annotation {@value #ANNOTATION} or from
 * {@code rewind.executor.verification.health-urls.<deployment>}; without either the check is not configured.
 */
@ApplicationScoped
public class HealthCheck implements VerificationCheck {

    public static final String NAME = "health";

    /** The Deployment's health URL ({namespace}, {service} and {environment} are filled in). */
    public static final String ANNOTATION = "rewind.dev/health-url";

    private final HttpProbes http;
    private final Map<String, String> urls;
    private final RetryWindow retry;

    @Inject
    public HealthCheck(HttpProbes http, VerificationConfig config) {
        this.http = http;
        this.urls = config.healthUrls();
        this.retry = new RetryWindow("health check", config.http().retryWindow(), config.http().retryInterval());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        Optional<String> configured = target.annotation(ANNOTATION)
                .or(() -> Optional.ofNullable(urls.get(target.name())).filter(url -> !url.isBlank()));
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        String url = target.expand(configured.get().trim());
        try {
            return Optional.of(retry.await(() -> HttpExpectation.ok().problem(url, http.get(url))
                    .map(problem -> CheckResult.failed(NAME, problem + ": the service is not healthy after the "
                            + "rollback; read its pods' logs and events"))
                    .orElseGet(() -> CheckResult.passed(NAME, "GET " + url + " answered 200"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        }
    }
}
