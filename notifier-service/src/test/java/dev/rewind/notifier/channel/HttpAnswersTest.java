package dev.rewind.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpAnswersTest {

    @Test
    void aSuccessIsDeliveredWithTheReference() {
        assertThat(HttpAnswers.of("pagerduty", Response.accepted().build(), "dedup-1"))
                .isEqualTo(new SendResult.Delivered("dedup-1"));
    }

    @Test
    void aRateLimitIsRetriedAfterItsRetryAfter() {
        SendResult result = HttpAnswers.of("slack", Response.status(429).header("Retry-After", "7").build(), null);

        assertThat(result).isEqualTo(new SendResult.Retry(Duration.ofSeconds(7), "slack answered 429 Too Many Requests"));
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedAfterTheBackoff() {
        assertThat(HttpAnswers.of("statuspage", Response.status(503).entity("maintenance").build(), null))
                .isEqualTo(new SendResult.Retry(null, "statuspage answered 503 Service Unavailable: maintenance"));
        assertThat(HttpAnswers.of("jira", Response.status(408).build(), null))
                .isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void otherClientErrorsAreRefusedForGoodWithTheVendorsWords() {
        assertThat(HttpAnswers.of("pagerduty", Response.status(400).entity("{\"status\":\"invalid event\"}").build(),
                null)).isEqualTo(new SendResult.Refused("pagerduty answered 400 Bad Request: {\"status\":\"invalid "
                + "event\"}"));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndCappedAndUnreadableMeansTheBackoff() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        assertThat(HttpAnswers.retryAfter("30", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpAnswers.retryAfter("Fri, 27 Nov 2026 10:01:00 GMT", now)).isEqualTo(Duration.ofMinutes(1));
        assertThat(HttpAnswers.retryAfter("Fri, 27 Nov 2026 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(HttpAnswers.retryAfter("86400", now)).isEqualTo(HttpAnswers.MAX_RETRY_AFTER);
        assertThat(HttpAnswers.retryAfter("soon", now)).isNull();
        assertThat(HttpAnswers.retryAfter(null, now)).isNull();
    }
}
