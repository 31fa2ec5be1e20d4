package dev.rewind.executor.verification;

import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.platform.probe.HttpAnswer;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The service's metrics are back to their baseline (runbook: error rate, response time): a Prometheus instant query
 * whose every sample keeps a threshold, repeated within a window. The query comes from the Deployment's annotation
 * {@value #QUERY_ANNOTATION} or {@code rewind.executor.verification.metrics.query}; without either the check is not
 * configured.
 */
@ApplicationScoped
public class MetricsCheck implements VerificationCheck {

    public static final String NAME = "metrics";

    /** The Deployment's own query ({namespace}, {service} and {environment} are filled in). */
    public static final String QUERY_ANNOTATION = "rewind.dev/verify-query";

    /** The Deployment's own threshold for its query, e.g. {@code < 0.01}. */
    public static final String THRESHOLD_ANNOTATION = "rewind.dev/verify-threshold";

    private static final Logger LOG = Logger.getLogger(MetricsCheck.class);

    private final VerificationConfig.Metrics config;
    private final Optional<PrometheusApi> prometheus;
    private final RetryWindow retry;

    @Inject
    public MetricsCheck(VerificationConfig config) {
        this.config = config.metrics();
        VerificationConfig.Http http = config.http();
        this.prometheus = this.config.url().filter(url -> !url.isBlank()).map(url -> QuarkusRestClientBuilder
                .newBuilder()
                .baseUri(URI.create(url.trim()))
                .connectTimeout(http.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(http.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Every status comes back as a Response: PrometheusAnswer reads Prometheus' errors from the body.
                .disableDefaultMapper(true)
                .build(PrometheusApi.class));
        this.retry = new RetryWindow("metrics check", this.config.window(), this.config.interval());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        Optional<String> configured = target.annotation(QUERY_ANNOTATION)
                .or(() -> config.query().filter(query -> !query.isBlank()));
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        String query = target.expand(configured.get().trim());
        if (prometheus.isEmpty()) {
            return Optional.of(CheckResult.failed(NAME, "query '" + query + "' is configured for deployment "
                    + target.describe() + " but Prometheus is not: set rewind.executor.verification.metrics.url"));
        }
        String thresholdText = target.annotation(THRESHOLD_ANNOTATION).orElse(config.threshold());
        Threshold threshold;
        try {
            threshold = Threshold.parse(thresholdText);
        } catch (IllegalArgumentException e) {
            return Optional.of(CheckResult.failed(NAME, e.getMessage() + ": fix the annotation "
                    + THRESHOLD_ANNOTATION + " of deployment " + target.describe()
                    + " or rewind.executor.verification.metrics.threshold"));
        }
        try {
            return Optional.of(retry.await(() -> ask(query).judge(query, threshold)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        }
    }

    private PrometheusAnswer ask(String query) {
        try (Response response = prometheus.orElseThrow().query(query)) {
            return PrometheusAnswer.parse(response.getStatus(),
                    response.hasEntity() ? response.readEntity(String.class) : "");
        } catch (RuntimeException e) {
            return new PrometheusAnswer(List.of(), Optional.of("no answer from Prometheus at "
                    + config.url().orElse("") + " (" + HttpAnswer.rootMessage(e) + ")"));
        }
    }

    @PreDestroy
    void close() {
        prometheus.ifPresent(api -> {
            try {
                api.close();
            } catch (Exception e) {
                LOG.debugf("closing the Prometheus client: %s", e);
            }
        });
    }
}
