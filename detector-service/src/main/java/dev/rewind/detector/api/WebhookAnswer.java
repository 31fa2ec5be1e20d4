package dev.rewind.detector.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A webhook's 202 answer: how many alerts were stored for processing, and what the payload held that is not an alert
 * Rewind acts on (absent when nothing was ignored).
 */
@Schema(description = "The alerts stored for processing")
public record WebhookAnswer(
        @Schema(description = "How many alerts were stored; each is processed once", example = "2") int accepted,
        @Schema(description = "What was ignored and why, one line each (Datadog and New Relic payloads)")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> ignored) {

    /** The answer for {@code accepted} alerts and nothing ignored. */
    public static WebhookAnswer of(int accepted) {
        return new WebhookAnswer(accepted, List.of());
    }
}
