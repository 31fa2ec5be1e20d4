package dev.rewind.sandbox.monitor;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as Alertmanager would notify it: firing (endsAt null) or resolved.
 *
 * @param labels the alert's labels, naming its target (environment, namespace, service) and its alertname
 * @param annotations its summary and measured value
 */
public record AlertNotification(String status, Map<String, String> labels, Map<String, String> annotations,
                                Instant startsAt, Instant endsAt, String fingerprint) {

    public AlertNotification {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    /** Whether it says the alert fires (else that it resolved). */
    public boolean firing() {
        return "firing".equals(status);
    }
}
