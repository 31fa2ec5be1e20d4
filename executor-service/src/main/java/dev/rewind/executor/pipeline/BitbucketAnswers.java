package dev.rewind.executor.pipeline;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What Bitbucket's answers and the network's failures mean for a call: retried, refused for good, or (for a trigger)
 * perhaps started. A trigger is retried only when Bitbucket cannot have started a run: the connection was never
 * made, or Bitbucket answered 429 (rate limited) or 503 (not accepting requests). After a read timeout, a dropped
 * connection, a 500, 502 or 504 the request may have been processed, and a retry could start a second run.
 */
final class BitbucketAnswers {

    private BitbucketAnswers() {
    }

    /** True for the statuses Bitbucket answers before doing anything: a trigger answered so may be sent again. */
    static boolean refusedBeforeProcessing(int status) {
        return status == 429 || status == 503;
    }

    /** True for the statuses worth asking again for a read (rate limited, server trouble). */
    static boolean passing(int status) {
        return status == 429 || status >= 500;
    }

    /** True when the request never left this host: the connection was refused or timed out, or the name is unknown. */
    static boolean notSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Netty's ConnectTimeoutException is a ConnectException: the TCP handshake did not complete.
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Bitbucket's refusal as the SRE should read it: what was refused, Bitbucket's words, and what to do. */
    static PipelineUnavailable refusal(int status, String body, String request) {
        String words = BitbucketJson.errorMessage(body);
        String advice = switch (status) {
            case 401 -> "the Bitbucket credentials are missing, wrong or expired: set REWIND_BITBUCKET_TOKEN (an "
                    + "access token) or REWIND_BITBUCKET_USERNAME with REWIND_BITBUCKET_API_TOKEN";
            case 403 -> "the Bitbucket credentials may not run pipelines in this repository: give the token the "
                    + "pipeline:write scope (API tokens: write:pipeline:bitbucket) on it";
            case 404 -> "Bitbucket has no such repository or run, or the credentials cannot see it: check the "
                    + "target's pipeline repository (workspace/repo_slug) and the token's access";
            default -> "check that bitbucket-pipelines.yml on the branch defines the custom pipeline, that "
                    + "Pipelines is enabled in the repository, and the variables the pipeline declares";
        };
        return new PipelineUnavailable("Bitbucket refused to " + request + " (" + status + ": " + words + "); "
                + advice);
    }

    /** Retry-After in seconds or as an HTTP date; empty when absent, unreadable or in the past. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(now,
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Optional.of(Duration.ZERO) : Optional.of(wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
