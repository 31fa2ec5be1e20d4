package dev.rewind.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.notifier.channel.SendResult;
import dev.rewind.platform.messaging.outbox.RetryBackoff;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static final Instant RECORDED = Instant.parse("2026-11-27T10:00:00Z");
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    private static final Duration GIVE_UP = Duration.ofHours(1);

    @Test
    void aDeliveredSendKeepsItsReferenceAndTheWordsOnlyTheAnswerKnew() {
        assertThat(settle(new SendResult.Delivered("C1/171.2"), 1, RECORDED))
                .isEqualTo(new Settlement.Delivered("C1/171.2", null));
        assertThat(settle(new SendResult.Delivered("OPS-7", "Follow-up ticket OPS-7 opened (Jira)"), 1, RECORDED))
                .isEqualTo(new Settlement.Delivered("OPS-7", "Follow-up ticket OPS-7 opened (Jira)"));
    }

    @Test
    void nothingToSendIsSettledAsSkipped() {
        assertThat(settle(new SendResult.Skipped("nothing paged"), 1, RECORDED))
                .isEqualTo(new Settlement.Skipped("nothing paged"));
    }

    @Test
    void aFailureThatMayPassIsRetriedAfterTheDoublingBackoffWithoutPausingTheChannel() {
        Instant now = RECORDED.plusSeconds(10);

        assertThat(settle(new SendResult.Retry(null, "503"), 3, now))
                .isEqualTo(new Settlement.RetryAt(now.plusSeconds(4), "503", false));
    }

    @Test
    void aRateLimitIsRetriedWhenTheVendorSaysAndPausesTheChannel() {
        Instant now = RECORDED.plusSeconds(10);

        assertThat(settle(new SendResult.Retry(Duration.ofSeconds(30), "429"), 1, now))
                .isEqualTo(new Settlement.RetryAt(now.plusSeconds(30), "429", true));
    }

    @Test
    void aRetryThatWouldFallAfterTheGiveUpTimeFailsNamingHowOftenAndHowLong() {
        Instant now = RECORDED.plus(Duration.ofMinutes(58));

        Settlement settlement = settle(new SendResult.Retry(null, "slack answered 503"), 14, now);

        assertThat(settlement).isInstanceOf(Settlement.Failed.class);
        assertThat(((Settlement.Failed) settlement).reason()).isEqualTo("slack answered 503; given up after 14 "
                + "attempts over 58 min (rewind.notifier.dispatch.give-up-after=PT1H)");
    }

    @Test
    void aRefusalFailsAtOnce() {
        assertThat(settle(new SendResult.Refused("slack answered 404: channel_not_found"), 1, RECORDED))
                .isEqualTo(new Settlement.Failed("slack answered 404: channel_not_found"));
    }

    @Test
    void aSendLostToACrashIsRepeatedOnlyWhereTheChannelDeDuplicates() {
        Instant claimed = RECORDED.plusSeconds(1);
        Instant now = RECORDED.plusSeconds(120);

        assertThat(Settlement.inDoubt(true, claimed, now)).isInstanceOfSatisfying(Settlement.RetryAt.class,
                retry -> assertThat(retry.at()).isEqualTo(now));
        assertThat(Settlement.inDoubt(false, claimed, now)).isInstanceOfSatisfying(Settlement.Failed.class,
                failed -> assertThat(failed.reason()).contains("2026-11-27T10:00:01Z").contains("not sent again"));
    }

    private static Settlement settle(SendResult result, int attempts, Instant now) {
        return Settlement.of(result, attempts, RECORDED, now, BACKOFF, GIVE_UP);
    }
}
