package dev.rewind.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class BitbucketAnswersTest {

    private static final String REQUEST = "start pipeline \"rollback-production\" on branch main of acme/checkout";

    @Test
    void onlyATriggerAnswered429Or503IsKnownNotToHaveStarted() {
        assertThat(BitbucketAnswers.refusedBeforeProcessing(429)).isTrue();
        assertThat(BitbucketAnswers.refusedBeforeProcessing(503)).isTrue();
        assertThat(BitbucketAnswers.refusedBeforeProcessing(500)).isFalse();
        assertThat(BitbucketAnswers.refusedBeforeProcessing(502)).isFalse();
        assertThat(BitbucketAnswers.refusedBeforeProcessing(504)).isFalse();
    }

    @Test
    void readsAreRetriedOn429AndEvery5xx() {
        assertThat(BitbucketAnswers.passing(429)).isTrue();
        assertThat(BitbucketAnswers.passing(500)).isTrue();
        assertThat(BitbucketAnswers.passing(504)).isTrue();
        assertThat(BitbucketAnswers.passing(404)).isFalse();
        assertThat(BitbucketAnswers.passing(409)).isFalse();
    }

    @Test
    void aRequestIsKnownUnsentOnlyWhenNoConnectionWasMade() {
        assertThat(BitbucketAnswers.notSent(new ProcessingException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(BitbucketAnswers.notSent(new ProcessingException(new UnknownHostException("api.bitbucket.org"))))
                .isTrue();
        assertThat(BitbucketAnswers.notSent(new ProcessingException(new TimeoutException("read timed out"))))
                .isFalse();
        assertThat(BitbucketAnswers.notSent(new ProcessingException(new SocketTimeoutException("Read timed out"))))
                .isFalse();
        assertThat(BitbucketAnswers.notSent(new ProcessingException("Connection was closed"))).isFalse();
    }

    @Test
    void refusalsQuoteBitbucketAndSayWhatToFix() {
        assertThat(BitbucketAnswers.refusal(400, BitbucketStub.error("Bad request", "no pipeline 'rollback-x'"),
                REQUEST)).hasMessageStartingWith("Bitbucket refused to " + REQUEST
                        + " (400: Bad request: no pipeline 'rollback-x')")
                .hasMessageContaining("bitbucket-pipelines.yml");
        assertThat(BitbucketAnswers.refusal(401, BitbucketStub.error("Unauthorized", null), REQUEST))
                .hasMessageContaining("REWIND_BITBUCKET_TOKEN");
        assertThat(BitbucketAnswers.refusal(403, "", REQUEST)).hasMessageContaining("pipeline:write");
        assertThat(BitbucketAnswers.refusal(404, BitbucketStub.error("Repository acme/checkout not found", null),
                REQUEST)).hasMessageContaining("Repository acme/checkout not found")
                .hasMessageContaining("workspace/repo_slug");
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(BitbucketAnswers.retryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(BitbucketAnswers.retryAfter("Sun, 01 Mar 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(BitbucketAnswers.retryAfter("Sun, 01 Mar 2026 09:59:00 GMT", now)).contains(Duration.ZERO);
        assertThat(BitbucketAnswers.retryAfter("soon", now)).isEmpty();
        assertThat(BitbucketAnswers.retryAfter("-3", now)).isEmpty();
        assertThat(BitbucketAnswers.retryAfter(null, now)).isEmpty();
    }
}
