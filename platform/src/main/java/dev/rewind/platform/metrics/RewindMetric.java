package dev.rewind.platform.metrics;

import java.util.List;

/**
 * Every metric Rewind itself exports at {@code /q/metrics}: the one list the services register from and the Grafana
 * dashboard's test checks against. Tags are few and bounded (sources, rows, states, strategies, outcomes, configured
 * environments, channels), never an incident id or a target: each of those would be a new series per incident.
 */
public enum RewindMetric {

    ALERTS_RECEIVED(Type.COUNTER, "rewind.alerts.received", "detector-service",
            "Alerts the detector received, by source and what became of them", "source", "outcome"),
    DECISIONS(Type.COUNTER, "rewind.decisions", "detector-service",
            "Decisions on firing alerts without an open incident, by decision-matrix row (signal) and decision",
            "row", "decision"),
    INCIDENTS_OPEN(Type.GAUGE, "rewind.incidents.open", "detector-service",
            "Incidents the detector holds open, by environment", "environment"),
    APPROVALS_PENDING(Type.GAUGE, "rewind.approvals.pending", "approval-service",
            "Rollback requests waiting for people: for approvals (pending) or for a guard's override (held)", "state"),
    APPROVALS_OLDEST_PENDING_AGE(Type.GAUGE, "rewind.approvals.oldest.pending.age.seconds", "approval-service",
            "Age of the oldest request waiting for people, by state; 0 when none waits", "state"),
    ROLLBACKS(Type.COUNTER, "rewind.rollbacks", "executor-service",
            "Rollbacks the executor finished, by strategy (method) and outcome", "strategy", "outcome"),
    ALERT_TO_ROLLBACK_STARTED(Type.TIMER, "rewind.alert.to.rollback.started", "postmortem-service",
            "From the incident's opening on the alert to the executor starting its rollback", "environment"),
    ALERT_TO_ROLLBACK_VERIFIED(Type.TIMER, "rewind.alert.to.rollback.verified", "postmortem-service",
            "From the incident's opening on the alert to the rollback's verification, passed or failed",
            "environment", "outcome"),
    NOTIFICATIONS(Type.COUNTER, "rewind.notifications", "notifier-service",
            "Notification sends settled, by channel and outcome (delivered, skipped, retried, failed)",
            "channel", "outcome"),
    NOTIFICATIONS_UNSETTLED(Type.GAUGE, "rewind.notifications.unsettled", "notifier-service",
            "Notifications of a channel not settled yet", "channel"),
    OUTBOX_PENDING(Type.GAUGE, "rewind.outbox.pending", Owner.EVERY_SERVICE,
            "Outbox records neither published nor parked"),
    OUTBOX_OLDEST_PENDING_AGE(Type.GAUGE, "rewind.outbox.oldest.pending.age.seconds", Owner.EVERY_SERVICE,
            "Age of the oldest pending outbox record; 0 when none is pending"),
    OUTBOX_PARKED(Type.GAUGE, "rewind.outbox.parked", Owner.EVERY_SERVICE,
            "Outbox records Kafka refused for good, waiting for a person"),
    DEAD_LETTERED(Type.COUNTER, "rewind.dead.lettered", Owner.EVERY_SERVICE,
            "Records sent to their channel's dead-letter topic", "channel");

    /** How the metric is exported. */
    public enum Type { COUNTER, GAUGE, TIMER }

    /** Owner names. */
    public static final class Owner {
        /** The platform registers the metric in every service. */
        public static final String EVERY_SERVICE = "every service";

        private Owner() {
        }
    }

    private final Type type;
    private final String meterName;
    private final String owner;
    private final String description;
    private final List<String> tags;

    RewindMetric(Type type, String meterName, String owner, String description, String... tags) {
        this.type = type;
        this.meterName = meterName;
        this.owner = owner;
        this.description = description;
        this.tags = List.of(tags);
    }

    /** The Micrometer name to register, such as {@code rewind.alerts.received}. */
    public String meterName() {
        return meterName;
    }

    public Type type() {
        return type;
    }

    /** The application name of the service that exports it, or {@link Owner#EVERY_SERVICE}. */
    public String owner() {
        return owner;
    }

    public String description() {
        return description;
    }

    /** Its tag keys; every value of each is bounded. */
    public List<String> tags() {
        return tags;
    }

    /** The Prometheus name, as Micrometer's Prometheus registry exports it: {@code rewind_alerts_received_total}. */
    public String prometheusName() {
        String base = meterName.replace('.', '_');
        return switch (type) {
            case COUNTER -> base + "_total";
            case GAUGE -> base;
            case TIMER -> base + "_seconds";
        };
    }

    /** Every series name a scrape may show for it: a timer's histogram shows four. */
    public List<String> seriesNames() {
        String name = prometheusName();
        return type == Type.TIMER
                ? List.of(name + "_bucket", name + "_count", name + "_sum", name + "_max")
                : List.of(name);
    }
}
