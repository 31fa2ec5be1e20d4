package dev.rewind.executor.gitops.git;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.executor.bitbucket.BitbucketErrors;
import dev.rewind.executor.domain.ExecutionInterrupted;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Calls to one Git host: each retried with exponential backoff and jitter while it fails for a passing reason (no
 * answer, 429, 5xx) within the policy's time; other errors are thrown at once as {@link GitHostFailed} with the
 * host's message.
 */
final class HostCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(HostCalls.class);

    /** An answer: its status and body. */
    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new GitHostFailed(status, "unreadable answer (" + e.getOriginalMessage() + ")");
            }
        }
    }

    private final String host;
    private final Guard retry;

    HostCalls(String host, Duration delay, Duration maxDelay, Duration jitter, Duration maxDuration) {
        this.host = host;
        this.retry = Guard.create().withDescription("git-host-" + host)
                .withRetry()
                .maxRetries(-1)
                .maxDuration(maxDuration.toMillis(), ChronoUnit.MILLIS)
                .delay(delay.toMillis(), ChronoUnit.MILLIS)
                .jitter(jitter.toMillis(), ChronoUnit.MILLIS)
                .withExponentialBackoff().factor(2).maxDelay(maxDelay.toMillis(), ChronoUnit.MILLIS).done()
                .whenException(failure -> failure instanceof GitHostFailed failed && failed.isTransient())
                .beforeRetry(failure -> LOG.warnf("%s: %s; retrying", host, failure.getMessage()))
                .done()
                .build();
    }

    /**
     * The answer to {@code request} ({@code what} it does, for messages) when its status is 2xx or one of
     * {@code accepted}.
     */
    Answer call(String what, Supplier<Response> request, int... accepted) {
        return retried(() -> once(what, request, accepted));
    }

    /**
     * The answer to {@code read} once {@code done} holds for it, read again with the same backoff and within the same
     * time as failed calls are retried: for work a host finishes after answering (a merge Bitbucket accepted with 202).
     * Still not done by then, it fails as a passing failure, {@code what} in its message.
     */
    Answer await(String what, Supplier<Response> read, Predicate<Answer> done) {
        return retried(() -> {
            Answer answer = once(what, read, new int[0]);
            if (!done.test(answer)) {
                throw new Unfinished(host + " has not finished yet: " + what);
            }
            return answer;
        });
    }

    private Answer retried(Callable<Answer> attempt) {
        try {
            return retry.call(attempt, Answer.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer to {@code request}, sent once: for what must not be repeated blindly (a merge), the caller reading
     * the host again before it decides to send it again.
     */
    Answer once(String what, Supplier<Response> request, int... accepted) {
        try (Response response = request.get()) {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status / 100 == 2 || Arrays.stream(accepted).anyMatch(a -> a == status)) {
                return new Answer(status, body);
            }
            throw new GitHostFailed(status, host + " answered " + status + " to " + what + ": " + message(body));
        } catch (ProcessingException e) {
            throw new GitHostFailed(0, host + " did not answer " + what + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The host's message in an error body ({@code {"message": ...}}, GitLab's may be a list; Bitbucket's
     * {@code {"error": {"message": ...}}}), else the body.
     */
    static String message(String body) {
        try {
            JsonNode message = JSON.readTree(body).path("message");
            if (!message.isMissingNode()) {
                return message.isTextual() ? message.asText() : message.toString();
            }
            return BitbucketErrors.message(body).orElse(body);
        } catch (JsonProcessingException e) {
            return body.length() > 200 ? body.substring(0, 200) + "..." : body;
        }
    }

    /**
     * Work the host accepted (202) and has not finished when it was read: worth reading again, as a passing failure
     * is.
     */
    private static final class Unfinished extends GitHostFailed {

        Unfinished(String message) {
            super(202, message);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }
}
