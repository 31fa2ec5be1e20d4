package dev.rewind.executor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.executor.bitbucket.BitbucketCredentials;
import dev.rewind.executor.domain.ExecutionInterrupted;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Bitbucket Pipelines as the rollback pipeline's CI (REST API 2.0). Calls that fail for a passing reason are retried
 * with backoff within {@code rewind.executor.pipeline.retry.max-duration}; a trigger only while Bitbucket cannot have
 * started a run ({@link BitbucketAnswers}), so that one trigger never starts two runs. Blocking: call it from a worker
 * thread, never from an event loop.
 */
@ApplicationScoped
public class BitbucketPipelines implements CiPipelines {

    private static final Logger LOG = Logger.getLogger(BitbucketPipelines.class);

    private final PipelineConfig config;
    private final BitbucketApi api;
    private final Guard retry;

    @Inject
    public BitbucketPipelines(PipelineConfig config) {
        this.config = config;
        PipelineConfig.Bitbucket bitbucket = config.bitbucket();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(bitbucket.url())
                .connectTimeout(bitbucket.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(bitbucket.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Every status comes back as a Response: BitbucketAnswers decides what it means.
                .disableDefaultMapper(true)
                .build(BitbucketApi.class);
        PipelineConfig.Retry policy = config.retry();
        this.retry = Guard.create().withDescription("bitbucket-pipelines")
                .withRetry()
                .maxRetries(-1)
                .maxDuration(policy.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .delay(policy.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(policy.jitter().toMillis(), ChronoUnit.MILLIS)
                .withCustomBackoff().strategy(() -> new RetryAfterBackoff(policy.maxDelay())).done()
                .whenException(failure -> failure instanceof PipelineCallFailed
                        && !(failure instanceof TriggerOutcomeUnknown))
                .beforeRetry(failure -> LOG.warnf("%s; retrying", failure.getMessage()))
                .done()
                .build();
    }

    @Override
    public Optional<String> unavailable() {
        try {
            authorization();
            return Optional.empty();
        } catch (PipelineUnavailable e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public PipelineRun trigger(PipelineTrigger trigger) {
        BitbucketRepository repository = BitbucketRepository.parse(trigger.repository());
        String request = "start pipeline \"" + trigger.pipeline() + "\" on branch " + trigger.ref() + " of "
                + repository;
        String authorization = authorization();
        String body = BitbucketJson.triggerBody(trigger);
        return call(request, "; no run was started", () -> {
            Answer answer;
            try {
                answer = Answer.of(api.trigger(authorization, repository.workspace(), repository.slug(), body));
            } catch (RuntimeException e) {
                if (BitbucketAnswers.notSent(e)) {
                    throw new PipelineCallFailed("could not reach Bitbucket at " + config.bitbucket().url() + " to "
                            + request + " (" + e.getMessage() + "): check rewind.executor.pipeline.bitbucket.url "
                            + "and the network to it", e);
                }
                throw new TriggerOutcomeUnknown("no answer from Bitbucket to the request to " + request + " ("
                        + e.getMessage() + "): a run may have started; look for it before triggering again", e);
            }
            if (answer.status() == 200 || answer.status() == 201) {
                return BitbucketJson.run(BitbucketJson.parse(answer.body()), repository, webUrl());
            }
            if (BitbucketAnswers.refusedBeforeProcessing(answer.status())) {
                throw answer.passingFailure(request);
            }
            if (answer.status() >= 500) {
                throw new TriggerOutcomeUnknown("Bitbucket answered " + answer.status() + " to the request to "
                        + request + " (" + BitbucketJson.errorMessage(answer.body()) + "): a run may have started; "
                        + "look for it before triggering again", null);
            }
            throw BitbucketAnswers.refusal(answer.status(), answer.body(), request);
        });
    }

    @Override
    public PipelineRun run(String repository, String runId) {
        BitbucketRepository repo = BitbucketRepository.parse(repository);
        String authorization = authorization();
        return BitbucketJson.run(read("read run " + runId + " of " + repo,
                () -> api.run(authorization, repo.workspace(), repo.slug(), runId)), repo, webUrl());
    }

    /**
     * Looks through the {@code recent-runs-searched} newest runs. The list may omit a run's variables (Bitbucket's
     * specification has them, but answers have been seen with only {@code has_variables}); then the run is read on
     * its own, unless it cannot be Rewind's (started without variables, or not a custom pipeline). A run whose
     * variables Bitbucket shows nowhere makes the answer unknowable, and that is an error, not "none".
     */
    @Override
    public Optional<PipelineRun> findRun(String repository, String executionVariableValue) {
        BitbucketRepository repo = BitbucketRepository.parse(repository);
        String authorization = authorization();
        int pagelen = Math.max(1, Math.min(100, config.recentRunsSearched()));
        JsonNode page = read("list the recent runs of " + repo,
                () -> api.runs(authorization, repo.workspace(), repo.slug(), "-created_on", pagelen));
        for (JsonNode listed : BitbucketJson.values(page)) {
            JsonNode run = listed;
            Optional<Map<String, String>> variables = BitbucketJson.variables(run);
            if (variables.isEmpty()) {
                if (BitbucketJson.startedWithoutVariables(run) || BitbucketJson.startedByOtherThanCustom(run)) {
                    continue;
                }
                String uuid = run.path("uuid").asText();
                run = read("read run " + uuid + " of " + repo,
                        () -> api.run(authorization, repo.workspace(), repo.slug(), uuid));
                variables = BitbucketJson.variables(run);
                if (variables.isEmpty() && !BitbucketJson.startedWithoutVariables(run)) {
                    throw new PipelineUnavailable("Bitbucket does not show the variables of run #"
                            + run.path("build_number").asText() + " of " + repo + ", so Rewind cannot tell whether "
                            + "execution " + executionVariableValue + " already started a rollback pipeline; look "
                            + "for a run with " + PipelineTrigger.EXECUTION_VARIABLE + "=" + executionVariableValue
                            + " in " + repo.runsPage(webUrl()) + " before starting one by hand");
                }
            }
            if (executionVariableValue.equals(variables.orElse(Map.of()).get(PipelineTrigger.EXECUTION_VARIABLE))) {
                return Optional.of(BitbucketJson.run(run, repo, webUrl()));
            }
        }
        return Optional.empty();
    }

    @PreDestroy
    void close() {
        try {
            api.close();
        } catch (Exception e) {
            LOG.debugf("closing the Bitbucket client: %s", e);
        }
    }

    /** A GET: retried on 429, 5xx and network failures; any other status but 200 is a refusal. */
    private JsonNode read(String request, Supplier<Response> send) {
        return call(request, "", () -> {
            Answer answer;
            try {
                answer = Answer.of(send.get());
            } catch (RuntimeException e) {
                throw new PipelineCallFailed("no answer from Bitbucket at " + config.bitbucket().url() + " to the "
                        + "request to " + request + " (" + e.getMessage() + ")", e);
            }
            if (answer.status() == 200) {
                return BitbucketJson.parse(answer.body());
            }
            if (BitbucketAnswers.passing(answer.status())) {
                throw answer.passingFailure(request);
            }
            throw BitbucketAnswers.refusal(answer.status(), answer.body(), request);
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T call(String request, String afterGivingUp, Supplier<T> attempt) {
        try {
            return (T) retry.call(attempt::get, Object.class);
        } catch (InterruptedException e) {
            // Interrupted between two attempts: the executor is stopping.
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        } catch (TriggerOutcomeUnknown | PipelineUnavailable | ExecutionInterrupted e) {
            throw e;
        } catch (PipelineCallFailed e) {
            throw new PipelineCallFailed(e.getMessage() + " (gave up after retrying for up to "
                    + readable(config.retry().maxDuration()) + afterGivingUp + ")", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not " + request + ": " + e, e);
        }
    }

    private String authorization() {
        PipelineConfig.Bitbucket bitbucket = config.bitbucket();
        if (bitbucket.token().isPresent()) {
            return BitbucketCredentials.authorization(Optional.empty(), bitbucket.token().get());
        }
        if (bitbucket.username().isPresent() && bitbucket.apiToken().isPresent()) {
            return BitbucketCredentials.authorization(bitbucket.username(), bitbucket.apiToken().get());
        }
        throw new PipelineUnavailable("no Bitbucket credentials: set REWIND_BITBUCKET_TOKEN (a repository or workspace "
                + "access token with the pipeline:write scope), or REWIND_BITBUCKET_USERNAME (account email) with "
                + "REWIND_BITBUCKET_API_TOKEN, in the executor's Secret");
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private URI webUrl() {
        return config.bitbucket().webUrl();
    }

    /** An answer read off the wire and closed: status, body and Retry-After. */
    private record Answer(int status, String body, String retryAfter) {

        static Answer of(Response response) {
            try (response) {
                String body = response.hasEntity() ? response.readEntity(String.class) : "";
                return new Answer(response.getStatus(), body, response.getHeaderString(HttpHeaders.RETRY_AFTER));
            }
        }

        PipelineCallFailed passingFailure(String request) {
            return new PipelineCallFailed("Bitbucket answered " + status + " to the request to " + request + " ("
                    + BitbucketJson.errorMessage(body) + ")",
                    BitbucketAnswers.retryAfter(retryAfter, Instant.now()).orElse(null));
        }
    }
}
