package dev.rewind.notifier.jira;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Jira Cloud follow-up tickets: off unless the site, an account, its API token and a project are all set. */
@ConfigMapping(prefix = "rewind.notifier.jira")
public interface JiraConfig {

    /** The site, {@code https://acme.atlassian.net}. */
    Optional<URI> url();

    /** The Atlassian account the API token belongs to. */
    Optional<String> email();

    /** The account's API token; from the environment only. */
    Optional<String> apiToken();

    /** The key of the project tickets are opened in, {@code OPS}. */
    Optional<String> project();

    @WithDefault("Task")
    String issueType();

    /** Labels added to {@code rewind}, {@code rollback} and the environment. */
    Optional<List<String>> labels();

    /** Environments whose rollbacks get a ticket; all when absent. */
    Optional<Set<String>> environments();

    /** The runbook's time for the post-mortem, counted from the rollback. */
    @WithDefault("24h")
    Duration postMortemWithin();

    @WithDefault("10s")
    Duration timeout();
}
