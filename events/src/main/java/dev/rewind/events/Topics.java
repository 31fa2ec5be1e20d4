package dev.rewind.events;

import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.command.RollbackCommand;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.request.RollbackRequestEvent;
import java.util.List;

/** The topics of ARCHITECTURE.md and the events each carries. */
public final class Topics {

    /** Normalized alerts, firing and resolved, from the webhook adapters or straight from monitoring. */
    public static final Topic<AlertEvent> ALERTS = Topic.of("rewind.alerts", AlertEvent.class);

    /** Decisions to roll a target back, for approval. */
    public static final Topic<RollbackRequestEvent> ROLLBACK_REQUESTS =
            Topic.of("rewind.rollback-requests", RollbackRequestEvent.class);

    /** Approved rollbacks, for the executor. */
    public static final Topic<RollbackCommand> ROLLBACK_COMMANDS =
            Topic.of("rewind.rollback-commands", RollbackCommand.class);

    /** The incident lifecycle, appended to by every service. */
    public static final Topic<IncidentEvent> INCIDENT_EVENTS =
            Topic.of("rewind.incident-events", IncidentEvent.class);

    public static final List<Topic<?>> ALL = List.of(ALERTS, ROLLBACK_REQUESTS, ROLLBACK_COMMANDS, INCIDENT_EVENTS);

    private Topics() {
    }
}
