package dev.rewind.notifier.slack;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Slack: a bot token (Web API) or an incoming webhook; neither means Slack is off. */
@ConfigMapping(prefix = "rewind.notifier.slack")
public interface SlackConfig {

    Optional<URI> webhookUrl();

    Optional<String> botToken();

    Optional<String> channel();

    Duration timeout();
}
