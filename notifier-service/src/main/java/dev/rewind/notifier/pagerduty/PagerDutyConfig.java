package dev.rewind.notifier.pagerduty;

import dev.rewind.events.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** PagerDuty Events API v2: who is paged for what. Without a routing key, PagerDuty is off. */
@ConfigMapping(prefix = "rewind.notifier.pagerduty")
public interface PagerDutyConfig {

    /** The integration key of the service that pages the on-call engineer (secret: PAGERDUTY_ROUTING_KEY). */
    Optional<String> routingKey();

    @WithDefault("https://events.pagerduty.com")
    URI url();

    @WithDefault("5s")
    Duration timeout();

    /** Incidents of these severities page the on-call engineer when they open. */
    @WithDefault("P0,P1")
    Set<Severity> severities();

    /**
     * An approval request that one of these roles may give pages the on-call engineer, whatever the severity;
     * {@code none} pages for no approval.
     */
    @WithDefault("oncall")
    Set<String> approvalRoles();

    /** The environments PagerDuty hears about; absent means every environment. */
    Optional<Set<String>> environments();

    /** Per escalation level (1 to 4), the integration key paged when an incident reaches it (secrets). */
    Map<Integer, String> escalationRoutingKeys();

    /** Shown in PagerDuty as the tool that raised the alert. */
    @WithDefault("Rewind")
    String clientName();

    /** Linked from every alert and change event (Rewind's UI or runbook), when set. */
    Optional<URI> clientUrl();
}
