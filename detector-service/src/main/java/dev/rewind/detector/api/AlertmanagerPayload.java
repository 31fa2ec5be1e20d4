package dev.rewind.detector.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The Prometheus Alertmanager webhook payload, version 4, as Alertmanager documents it. */
public record AlertmanagerPayload(
        @NotBlank @Pattern(regexp = "4", message = "must be \"4\" (Alertmanager webhook version 4)") String version,
        String groupKey,
        Integer truncatedAlerts,
        @NotBlank @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        @NotEmpty List<@NotNull @Valid Alert> alerts) {

    /** One alert of the group. */
    public record Alert(
            @NotBlank @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
            @NotNull Map<String, String> labels,
            Map<String, String> annotations,
            @NotNull OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String generatorURL,
            String fingerprint) {
    }
}
