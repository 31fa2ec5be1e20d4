package dev.rewind.notifier.statuspage;

import dev.rewind.events.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Atlassian Statuspage: which incidents the public status page shows. Without an API key and a page id, it is off. */
@ConfigMapping(prefix = "rewind.notifier.statuspage")
public interface StatuspageConfig {

    /** Sent as {@code Authorization: OAuth <key>} (secret: STATUSPAGE_API_KEY). */
    Optional<String> apiKey();

    Optional<String> pageId();

    @WithDefault("https://api.statuspage.io")
    URI url();

    @WithDefault("5s")
    Duration timeout();

    /** Incidents in these environments, of {@link #severities()}, open a status page incident. */
    @WithDefault("production")
    Set<String> environments();

    @WithDefault("P0,P1")
    Set<Severity> severities();

    /** The status page component of each target, keyed {@code <namespace>/<service>}: marked degraded, then fixed. */
    Map<String, String> components();

    /** Whether Statuspage e-mails and texts its subscribers about each incident update. */
    @WithDefault("true")
    boolean deliverNotifications();
}
