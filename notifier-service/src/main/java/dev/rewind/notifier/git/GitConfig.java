package dev.rewind.notifier.git;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tagging the faulty release in Git after a rollback: off without a token or without any repository. */
@ConfigMapping(prefix = "rewind.notifier.git")
public interface GitConfig {

    /** A token allowed to create tags (GitHub: contents write); from the environment only. */
    Optional<String> token();

    @WithDefault("https://api.github.com")
    URI apiUrl();

    /** {@code "<namespace>/<service>" -> owner/repo}: where each service's releases are tagged. */
    Map<String, String> repositories();

    /** How a deployed version names its release's tag: {@code {version}}, {@code v{version}}... */
    @WithDefault("{version}")
    String versionTag();

    /** The tag Rewind adds to the faulty release's commit. */
    @WithDefault("rewind/faulty/{version}")
    String faultyTag();

    /** Environments whose rollbacks tag the release; all when absent. */
    Optional<Set<String>> environments();

    @WithDefault("10s")
    Duration timeout();
}
