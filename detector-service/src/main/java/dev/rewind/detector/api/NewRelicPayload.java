package dev.rewind.detector.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A New Relic workflow webhook body, as New Relic's default payload template renders it, plus the optional fields a
 * custom template may add to name the target itself ({@code environment}, {@code namespace}, {@code service}) and
 * the signal, value and version (docs/alert-sources.md).
 *
 * @param id the issue id ({{ json issueId }}): one for the issue's whole life, so its fingerprint
 * @param createdAt when the issue was created, epoch milliseconds
 * @param updatedAt when it last changed (its close, once CLOSED), epoch milliseconds
 */
public record NewRelicPayload(
        @NotBlank(message = "is required: the issue id ({{ json issueId }} in the default template)") String id,
        String issueUrl,
        String title,
        String priority,
        List<String> impactedEntities,
        Integer totalIncidents,
        @NotBlank(message = "is required: CREATED, ACTIVATED, ACKNOWLEDGED or CLOSED")
        @Pattern(regexp = "CREATED|ACTIVATED|ACKNOWLEDGED|CLOSED",
                message = "must be CREATED, ACTIVATED, ACKNOWLEDGED or CLOSED") String state,
        String trigger,
        Boolean isCorrelated,
        @NotNull(message = "is required: when the issue was created, epoch milliseconds ({{ createdAt }})")
        Long createdAt,
        Long updatedAt,
        List<String> sources,
        List<String> alertPolicyNames,
        List<String> alertConditionNames,
        String workflowName,
        String environment,
        String namespace,
        String service,
        @JsonProperty("rewind_signal") String signal,
        String value,
        String version) {
}
