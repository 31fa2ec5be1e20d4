package dev.rewind.detector.api;

import dev.rewind.events.alert.AlertEvent;
import java.util.List;

/**
 * What a source's payload came to: the alerts to accept, and what of it was deliberately not turned into an alert
 * (a Datadog warning, an acknowledged New Relic issue), said in the 202 answer so that nobody wonders where it went.
 *
 * @param targetField the payload field the alerts' targets were read from, to name when an environment refuses one
 */
public record NormalizedAlerts(List<AlertEvent> alerts, List<String> ignored, String targetField) {

    public NormalizedAlerts {
        alerts = List.copyOf(alerts);
        ignored = List.copyOf(ignored);
    }
}
