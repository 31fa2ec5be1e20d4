package dev.rewind.notifier.channel;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns a vendor's HTTP answer into a {@link SendResult}: 2xx delivered; 429 retried after its {@code Retry-After};
 * 408 and 5xx retried after the backoff; any other 4xx refused for good, since sending again cannot fix it.
 */
public final class HttpAnswers {

    /** The longest wait a vendor's Retry-After may ask for; a longer one is taken as this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);

    private HttpAnswers() {
    }

    /** The result of {@code response} from {@code vendor}; {@code reference} is kept when it was delivered. */
    public static SendResult of(String vendor, Response response, String reference) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return new SendResult.Delivered(reference);
        }
        String answer = vendor + " answered " + status + " " + reasonOf(response) + bodyOf(response);
        if (status == 429) {
            return new SendResult.Retry(retryAfter(response.getHeaderString("Retry-After"), Instant.now()), answer);
        }
        if (status == 408 || status >= 500) {
            return new SendResult.Retry(null, answer);
        }
        return new SendResult.Refused(answer);
    }

    /** A send that got no answer (connection refused, timeout): it may work later. */
    public static SendResult unreachable(String vendor, Exception failure) {
        return new SendResult.Retry(null, vendor + " did not answer: " + failure.getMessage());
    }

    /** {@code Retry-After} as seconds or an HTTP date; null (use the backoff) when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static String reasonOf(Response response) {
        Response.StatusType info = response.getStatusInfo();
        return info == null || info.getReasonPhrase() == null ? "" : info.getReasonPhrase();
    }

    private static String bodyOf(Response response) {
        if (!response.hasEntity()) {
            return "";
        }
        try {
            String body = response.readEntity(String.class);
            if (body == null || body.isBlank()) {
                return "";
            }
            return ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body.strip());
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
