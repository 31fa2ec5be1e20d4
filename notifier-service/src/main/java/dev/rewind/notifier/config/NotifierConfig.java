package dev.rewind.notifier.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The notifier's channels. */
@ConfigMapping(prefix = "rewind.notifier")
public interface NotifierConfig {

    Slack slack();

    /** Slack incoming webhook; absent means Slack is off. */
    interface Slack {
        Optional<URI> webhookUrl();

        Duration timeout();
    }
}
