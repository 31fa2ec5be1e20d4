package dev.rewind.notifier.git;

import dev.rewind.notifier.channel.HttpAnswers;
import dev.rewind.notifier.channel.SendResult;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;

/**
 * GitHub's answers as {@link SendResult}s: as {@link HttpAnswers}, except that GitHub also says "rate limited" with a
 * 403 (with Retry-After, or {@code x-ratelimit-remaining: 0} and the reset time), which is worth waiting for.
 */
final class GitHubAnswers {

    static final String VENDOR = "GitHub";

    /** The longest wait for a rate limit's reset, as the core caps Retry-After. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private GitHubAnswers() {
    }

    static SendResult of(Response response, String reference, String repository) {
        if (response.getStatus() == 403) {
            Duration wait = rateLimitWait(response, Instant.now());
            if (wait != null) {
                return new SendResult.Retry(wait, VENDOR + " answered 403: rate limit exceeded for the token");
            }
        }
        SendResult result = HttpAnswers.of(VENDOR, response, reference);
        if (result instanceof SendResult.Refused refused
                && (response.getStatus() == 401 || response.getStatus() == 403)) {
            return new SendResult.Refused(refused.reason() + ": check rewind.notifier.git.token (GIT_TOKEN); it "
                    + "needs write access to the contents of " + repository);
        }
        return result;
    }

    /** How long a 403 asks to wait, or null when it is not a rate limit. */
    static Duration rateLimitWait(Response response, Instant now) {
        String retryAfter = response.getHeaderString("Retry-After");
        Duration wait = null;
        if (retryAfter != null && retryAfter.trim().matches("\\d+")) {
            wait = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        } else if ("0".equals(trimmed(response.getHeaderString("x-ratelimit-remaining")))) {
            String reset = trimmed(response.getHeaderString("x-ratelimit-reset"));
            wait = reset != null && reset.matches("\\d+")
                    ? Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset))) : Duration.ZERO;
        }
        if (wait == null) {
            return null;
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static String trimmed(String header) {
        return header == null ? null : header.trim();
    }
}
