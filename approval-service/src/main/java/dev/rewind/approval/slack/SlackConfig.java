package dev.rewind.approval.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Slack app people approve in: its signing secret, who its users are in Rewind, where replies may go. */
@ConfigMapping(prefix = "rewind.approval.slack")
public interface SlackConfig {

    /** The Slack app's signing secret ({@code REWIND_SLACK_SIGNING_SECRET}); absent turns Slack interactions off. */
    Optional<String> signingSecret();

    /** How far a request's timestamp may be from now, either way, before it is refused as a replay. */
    @WithDefault("5m")
    Duration maxRequestAge();

    /**
     * The only place replies are posted to: a payload's {@code response_url} must start with it, so a signed but
     * forged-looking payload cannot make Rewind post anywhere else.
     */
    @WithDefault("https://hooks.slack.com/")
    String responseUrlPrefix();

    /** The Slack workspace (team id, {@code T...}) votes must come from; absent accepts any workspace of the app. */
    Optional<String> teamId();

    /** Rewind identities by Slack user id ({@code U...}). */
    Map<String, User> users();

    /** The Rewind identity a Slack user votes as. */
    interface User {

        /** The person's Rewind name: the same as their JWT {@code upn}, so four-eyes sees one person. */
        String name();

        /** Their roles ({@code oncall}, {@code team-lead}, {@code reviewer}, {@code developer}). */
        Optional<Set<String>> roles();
    }
}
