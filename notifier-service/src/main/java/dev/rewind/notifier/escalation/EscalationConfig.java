package dev.rewind.notifier.escalation;

import dev.rewind.events.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The runbook's escalation path: its levels, and how often due levels are looked for. */
@ConfigMapping(prefix = EscalationConfig.PREFIX)
public interface EscalationConfig {

    String PREFIX = "rewind.notifier.escalation";

    /** Off: no level is ever announced by the notifier (approval-service's deadline escalation still is). */
    @WithDefault("true")
    boolean enabled();

    /** How often due levels are looked for: a level is announced at most this long after its time. */
    @WithDefault("15s")
    Duration checkInterval();

    /** The environments whose incidents escalate; all when unset. */
    Optional<Set<String>> environments();

    /** The severities (of the opening event) that escalate; all when unset. */
    Optional<Set<Severity>> severities();

    /**
     * How long escalation waits for the notifier to catch up on events it missed (it was down, or its consumer lags
     * behind): after a start, before the first check; and for an incident whose event arrives later than this after
     * it happened, before announcing any of its levels. The incident's resolution may be among the missed events:
     * nobody is paged about an incident that is already over.
     */
    @WithDefault("1m")
    Duration catchUpGrace();

    /** The levels by number, 1 to 4 (the runbook's defaults are in application.properties). */
    Map<Integer, Level> levels();

    /** One level of the path. */
    interface Level {

        /** How long after the incident opened this level is told, when the incident is still unresolved. */
        Duration after();

        /** Who the level is, as the escalation's reason names it. */
        String name();
    }
}
