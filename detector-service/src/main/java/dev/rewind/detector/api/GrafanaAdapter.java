package dev.rewind.detector.api;

import dev.rewind.detector.config.SourcesConfig;
import dev.rewind.events.alert.AlertEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Grafana webhook contact point's payload into normalized alerts of source {@value #SOURCE}: Grafana sends
 * Alertmanager's shape, so {@link AlertmanagerAdapter} reads it, with the same labels and limits. The measured value
 * may also come from the alert's {@code values}, the entry of the configured query (refId).
 */
@ApplicationScoped
public class GrafanaAdapter {

    /** The source name of alerts from Grafana. */
    public static final String SOURCE = "grafana";

    private final AlertmanagerAdapter alertmanager;
    private final Optional<String> valueRef;

    @Inject
    public GrafanaAdapter(AlertmanagerAdapter alertmanager, SourcesConfig sources) {
        this.alertmanager = alertmanager;
        this.valueRef = sources.grafana().valueRef().filter(ref -> !ref.isBlank());
    }

    /** As {@link AlertmanagerAdapter#normalize(AlertmanagerPayload)}, the problems it throws included. */
    public List<AlertEvent> normalize(AlertmanagerPayload payload) {
        return alertmanager.normalize(payload, SOURCE, this::measuredValue);
    }

    private Double measuredValue(AlertmanagerPayload.Alert alert) {
        return valueRef.flatMap(ref -> Optional.ofNullable(alert.values()).map(values -> values.get(ref)))
                .orElse(null);
    }
}
