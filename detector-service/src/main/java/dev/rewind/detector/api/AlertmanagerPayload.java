package dev.rewind.detector.api;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
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
 * The Prometheus Alertmanager webhook payload, version 4, as Alertmanager documents it. Label and annotation values
 * must be JSON strings ({@link JsonStringsOnly}, nulls refused): Alertmanager sends nothing else.
 */
public record AlertmanagerPayload(
        @NotBlank(message = "is required: \"4\" (Alertmanager webhook version 4)")
        @Pattern(regexp = "4", message = "must be \"4\" (Alertmanager webhook version 4)") String version,
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
            String fingerprint) {
    }

    /** A JSON object whose values are all strings. */
    @Retention(RetentionPolicy.RUNTIME)
    @JacksonAnnotationsInside
    @JsonDeserialize(contentUsing = JsonStringsOnly.class)
    @JsonSetter(contentNulls = Nulls.FAIL)
    @interface StringValues {
    }
}
