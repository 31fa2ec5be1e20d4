package dev.rewind.platform.tracing;

import dev.rewind.events.IncidentScoped;
import dev.rewind.events.RewindEvent;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Names, in every log line written while an event is applied, the target it is about ({@code target}) and its
 * incident ({@code incident}, for incident-scoped events), beside the trace and span ids OpenTelemetry adds: JSON logs
 * carry them as fields, and the text format can show them with {@code %X{incident}}.
 */
public final class LogContext implements AutoCloseable {

    /** The MDC key of the target, {@code environment/namespace/service}. */
    public static final String TARGET = "target";
    /** The MDC key of the incident id. */
    public static final String INCIDENT = "incident";

    private final Object outerTarget;
    private final Object outerIncident;

    private LogContext(Object outerTarget, Object outerIncident) {
        this.outerTarget = outerTarget;
        this.outerIncident = outerIncident;
    }

    /** Puts {@code event}'s target and incident in the log context until closed. */
    public static LogContext of(RewindEvent event) {
        return of(event.target().toString(), event instanceof IncidentScoped scoped ? scoped.incidentId() : null);
    }

    /** Puts {@code target} and {@code incident} (if not null) in the log context until closed. */
    public static LogContext of(String target, UUID incident) {
        LogContext context = new LogContext(MDC.get(TARGET), MDC.get(INCIDENT));
        MDC.put(TARGET, target);
        if (incident != null) {
            MDC.put(INCIDENT, incident.toString());
        } else {
            MDC.remove(INCIDENT);
        }
        return context;
    }

    @Override
    public void close() {
        restore(TARGET, outerTarget);
        restore(INCIDENT, outerIncident);
    }

    private static void restore(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
