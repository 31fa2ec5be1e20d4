package dev.rewind.notifier.dispatch;

import dev.rewind.notifier.channel.SendResult;
import dev.rewind.platform.messaging.outbox.RetryBackoff;
import java.time.Duration;
import java.time.Instant;

/**
 * What becomes of a delivery after one send: delivered, tried again at a time, or failed for good. Pure: the
 * dispatcher applies it.
 */
public sealed interface Settlement {

    /** The vendor took it; {@code summary} is the timeline's words when the answer changed them, else null. */
    record Delivered(String reference, String summary) implements Settlement {
    }

    /** There was nothing to send: settled without telling anyone. */
    record Skipped(String reason) implements Settlement {
    }

    /**
     * Sent again at {@code at}; {@code pauseChannel} when the vendor asked the whole channel to slow down (429), so
     * nothing else is sent to it before then.
     */
    record RetryAt(Instant at, String reason, boolean pauseChannel) implements Settlement {
    }

    /** Not sent again: people must learn of it another way (the notification-failed event). */
    record Failed(String reason) implements Settlement {
    }

    /**
     * The settlement of the {@code attempts}-th send of a delivery recorded at {@code recordedAt}: a retry that
     * would fall after the give-up time fails instead, naming how often and how long it was tried.
     */
    static Settlement of(SendResult result, int attempts, Instant recordedAt, Instant now, RetryBackoff backoff,
                         Duration giveUpAfter) {
        if (result instanceof SendResult.Delivered delivered) {
            return new Delivered(delivered.reference(), delivered.summary());
        }
        if (result instanceof SendResult.Skipped skipped) {
            return new Skipped(skipped.reason());
        }
        if (result instanceof SendResult.Refused refused) {
            return new Failed(refused.reason());
        }
        SendResult.Retry retry = (SendResult.Retry) result;
        Duration wait = retry.after() != null ? retry.after() : backoff.after(attempts);
        Instant at = now.plus(wait);
        if (at.isAfter(recordedAt.plus(giveUpAfter))) {
            return new Failed(retry.reason() + "; given up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + " over " + human(Duration.between(recordedAt, now)) + " (rewind.notifier.dispatch.give-up-after="
                    + giveUpAfter + ")");
        }
        return new RetryAt(at, retry.reason(), retry.after() != null);
    }

    /** A send whose outcome was lost to a crash: sent again only where a second send tells nobody twice. */
    static Settlement inDoubt(boolean idempotent, Instant claimedAt, Instant now) {
        if (idempotent) {
            return new RetryAt(now, "the notifier stopped while sending it at " + claimedAt + "; sent again (the "
                    + "channel de-duplicates)", false);
        }
        return new Failed("the notifier stopped while sending it at " + claimedAt + ", so whether it arrived is "
                + "unknown; not sent again so that nobody is told twice: check the channel");
    }

    private static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
