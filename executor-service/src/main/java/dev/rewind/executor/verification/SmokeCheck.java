package dev.rewind.executor.verification;

import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.platform.probe.HttpExpectation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configured HTTP probes that apply to the target answer as expected (runbook: ./scripts/smoke-test.sh), each
 * tried again within the HTTP retry window; not configured when no probe applies to the target.
 */
@ApplicationScoped
public class SmokeCheck implements VerificationCheck {

    public static final String NAME = "smoke";

    private final HttpProbes http;
    private final Map<String, VerificationConfig.Smoke> probes;
    private final RetryWindow retry;

    @Inject
    public SmokeCheck(HttpProbes http, VerificationConfig config) {
        this.http = http;
        this.probes = new TreeMap<>(config.smoke());
        this.retry = new RetryWindow("smoke check", config.http().retryWindow(), config.http().retryInterval());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        probes.forEach((name, probe) -> {
            if (probe.services().map(services -> services.contains(target.name())).orElse(true)) {
                String url = target.expand(probe.url().trim());
                HttpExpectation expected = new HttpExpectation(probe.expectStatus(), probe.bodyContains());
                CheckResult result = probe(name, url, expected);
                (result.passed() ? passed : failed).add(result.detail());
            }
        });
        if (passed.isEmpty() && failed.isEmpty()) {
            return Optional.empty();
        }
        if (!failed.isEmpty()) {
            return Optional.of(CheckResult.failed(NAME, failed.size() + " of " + (passed.size() + failed.size())
                    + " smoke probes failed: " + String.join("; ", failed)));
        }
        return Optional.of(CheckResult.passed(NAME, passed.size() + " smoke probe" + (passed.size() == 1 ? "" : "s")
                + " passed: " + String.join("; ", passed)));
    }

    private CheckResult probe(String name, String url, HttpExpectation expected) {
        try {
            return retry.await(() -> expected.problem(url, http.get(url))
                    .map(problem -> CheckResult.failed(NAME, "probe " + name + ": " + problem))
                    .orElseGet(() -> CheckResult.passed(NAME, "probe " + name + ": GET " + url + " answered "
                            + expected.status())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        }
    }
}
