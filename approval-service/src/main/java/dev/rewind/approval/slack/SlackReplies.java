package dev.rewind.approval.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Posts replies to Slack's {@code response_url}s, off the request thread: a vote is committed before its reply is
 * sent, and a reply that fails, after brief retries, changes nothing about the vote. Slack's 4xx answers (the URL
 * expired or was used five times) are final; 429, 5xx and network failures are retried. Redirects are not followed:
 * a reply goes to the allowed URL or nowhere.
 */
@ApplicationScoped
public class SlackReplies {

    private final Duration timeout;
    private final ObjectMapper mapper;
    private final HttpClient http;

    @Inject
    public SlackReplies(SlackConfig config, ObjectMapper mapper) {
        this.timeout = config.replyTimeout();
        this.mapper = mapper;
        // The JDK's client, not the Quarkus REST client: with a REST client interface in the service, a second
        // Quarkus start in the same test JVM fails (SRCFG00027: no mapping for platform's HttpInputConfig).
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts {@code reply} to {@code responseUrl}; the stage fails when Slack still refuses it after the retries. */
    @Asynchronous
    @Retry(maxRetries = 2, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = ReplyRefused.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public CompletionStage<Void> post(URI responseUrl, SlackReply reply) {
        HttpRequest request = HttpRequest.newBuilder(responseUrl)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json(reply)))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replying to Slack", e);
        }
        if (status == 429 || status >= 500) {
            throw new IllegalStateException("Slack answered " + status + " to the reply");
        }
        if (status >= 300) {
            throw new ReplyRefused(status);
        }
        return CompletableFuture.completedFuture(null);
    }

    private String json(SlackReply reply) {
        try {
            return mapper.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Slack reply is plain data: it always serializes", e);
        }
    }

    /** Slack refused the reply for good (a 3xx or a 4xx other than 429): retrying cannot help. */
    public static class ReplyRefused extends RuntimeException {

        ReplyRefused(int status) {
            super("Slack answered " + status + " to the reply: its response_url expired (30 min) or was used 5 times");
        }
    }
}
