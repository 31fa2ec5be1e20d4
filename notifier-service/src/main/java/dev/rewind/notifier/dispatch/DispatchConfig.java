package dev.rewind.notifier.dispatch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How recorded notifications are sent: retries, when to give up, and when a send counts as lost to a crash. */
@ConfigMapping(prefix = "rewind.notifier.dispatch")
public interface DispatchConfig {

    /** The wait after a first failed send; it doubles with each failure up to {@link #maxRetryBackoff()}. */
    @WithDefault("1s")
    Duration retryBackoff();

    @WithDefault("5m")
    Duration maxRetryBackoff();

    /** A notification not delivered this long after it was recorded is given up and reported as failed. */
    @WithDefault("1h")
    Duration giveUpAfter();

    /** How often due retries and sends lost to a crash are looked for; a commit wakes the dispatcher at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * A send unsettled this long is taken as lost to a crash: sent again on idempotent channels, recorded as failed
     * on the others. Longer than any channel's send can take.
     */
    @WithDefault("1m")
    Duration lease();

    /** How many due notifications of one channel a round takes at once. */
    @WithDefault("20")
    int batchSize();
}
