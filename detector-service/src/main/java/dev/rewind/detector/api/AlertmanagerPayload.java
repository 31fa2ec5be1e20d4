package dev.rewind.detector.api;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Alertmanager webhook payload, version 4, as Alertmanager documents it, and Grafana's webhook contact
 * point's, which is the same shape with version 1, {@code orgId} and per alert {@code values}, {@code silenceURL} and
 * {@code imageURL}. The endpoint says which it expects by validating {@link FromAlertmanager} or {@link FromGrafana}.
 * Label and annotation values must be JSON strings ({@link JsonStringsOnly}, nulls refused): both send nothing else.
 */
public record AlertmanagerPayload(
        @NotBlank(groups = FromAlertmanager.class, message = "is required: \"4\" (Alertmanager webhook version 4)")
        @Pattern(groups = FromAlertmanager.class, regexp = "4",
                message = "must be \"4\" (Alertmanager webhook version 4)")
        @NotBlank(groups = FromGrafana.class, message = "is required: \"1\" (Grafana webhook contact point version 1)")
        @Pattern(groups = FromGrafana.class, regexp = "1",
                message = "must be \"1\" (Grafana webhook contact point version 1)")
        String version,
        Long orgId,
        String groupKey,
        Integer truncatedAlerts,
        @NotBlank(message = "is required: firing or resolved")
        @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
        String receiver,
        @StringValues Map<String, String> groupLabels,
        @StringValues Map<String, String> commonLabels,
        @StringValues Map<String, String> commonAnnotations,
        String externalURL,
        @NotEmpty(message = "must list at least one alert")
        List<@NotNull(message = "must be an alert object, not null") @Valid Alert> alerts) {

    /** One alert of the group. */
    public record Alert(
            @NotBlank(message = "is required: firing or resolved")
            @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
            @NotNull(message = "is required: the alert's labels, a JSON object of strings")
            @StringValues Map<String, String> labels,
            @StringValues Map<String, String> annotations,
            @NotNull(message = "is required: an RFC 3339 timestamp such as 2026-11-15T14:25:31Z")
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String generatorURL,
            String fingerprint,
            Map<String, Double> values,
            String silenceURL,
            String imageURL) {

        /** An Alertmanager alert, which has no Grafana fields. */
        public Alert(String status, Map<String, String> labels, Map<String, String> annotations,
                     OffsetDateTime startsAt, OffsetDateTime endsAt, String generatorURL, String fingerprint) {
            this(status, labels, annotations, startsAt, endsAt, generatorURL, fingerprint, null, null, null);
        }
    }

    /** An Alertmanager payload, which has no Grafana fields. */
    public AlertmanagerPayload(String version, String groupKey, Integer truncatedAlerts, String status,
                               String receiver, Map<String, String> groupLabels, Map<String, String> commonLabels,
                               Map<String, String> commonAnnotations, String externalURL, List<Alert> alerts) {
        this(version, null, groupKey, truncatedAlerts, status, receiver, groupLabels, commonLabels, commonAnnotations,
                externalURL, alerts);
    }

    /** The validation of Alertmanager's payload: version 4. */
    public interface FromAlertmanager extends Default {
    }

    /** The validation of Grafana's payload: version 1. */
    public interface FromGrafana extends Default {
    }

    /** A JSON object whose values are all strings. */
    @Retention(RetentionPolicy.RUNTIME)
    @JacksonAnnotationsInside
    @JsonDeserialize(contentUsing = JsonStringsOnly.class)
    @JsonSetter(contentNulls = Nulls.FAIL)
    @interface StringValues {
    }
}
