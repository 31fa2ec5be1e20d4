package dev.rewind.approval.slack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Posts replies to Slack's {@code response_url}s, off the request thread: a vote is committed before its reply is
 * sent, and a reply that fails, after brief retries, changes nothing about the vote. Slack's 4xx answers (the URL
 * expired or was used five times) are final; 429, 5xx and network failures are retried. Redirects are not followed
 * (the REST client's default): a reply goes to the allowed URL or nowhere.
 */
@ApplicationScoped
public class SlackReplies {

    private final SlackResponseUrl slack;

    @Inject
    public SlackReplies(@RestClient SlackResponseUrl slack) {
        this.slack = slack;
    }

    /** Posts {@code reply} to {@code responseUrl}; the stage fails when Slack still refuses it after the retries. */
    @Asynchronous
    @Retry(maxRetries = 2, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = ReplyRefused.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public CompletionStage<Void> post(URI responseUrl, SlackReply reply) {
        int status;
        try (Response response = slack.post(responseUrl.toString(), reply)) {
            status = response.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        if (status == 429 || status >= 500) {
            throw new IllegalStateException("Slack answered " + status + " to the reply");
        }
        if (status >= 300) {
            throw new ReplyRefused(status);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Slack refused the reply for good (a 3xx or a 4xx other than 429): retrying cannot help. */
    public static class ReplyRefused extends RuntimeException {

        ReplyRefused(int status) {
            super("Slack answered " + status + " to the reply: its response_url expired (30 min) or was used 5 times");
        }
    }
}
