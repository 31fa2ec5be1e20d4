package dev.rewind.detector.api;

import dev.rewind.detector.metrics.DetectorMetrics;
import dev.rewind.detector.service.AlertIntake;
import dev.rewind.detector.service.TargetRefused;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.platform.http.FieldViolation;
import dev.rewind.platform.http.Problems;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Webhooks monitoring systems post alerts to. Answers 202 once the alerts are durably accepted; every refusal is
 * application/problem+json naming the field and the rule ({@code dev.rewind.platform.http}).
 */
@Path("/api/v1/alerts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "webhookToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The webhook's own token, not a person's: ALERTMANAGER_TOKEN for /alertmanager, "
                + "REWIND_<SOURCE>_TOKEN (GRAFANA, DATADOG, NEWRELIC) for the others (WebhookAuthentication)")
@SecurityScheme(securitySchemeName = "webhookBasic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The webhook's Basic credentials: ALERTMANAGER_USERNAME and ALERTMANAGER_PASSWORD for "
                + "/alertmanager, REWIND_<SOURCE>_USERNAME and REWIND_<SOURCE>_PASSWORD for the others")
@SecurityRequirement(name = "webhookToken")
@SecurityRequirement(name = "webhookBasic")
@APIResponse(responseCode = "202", description = "The alerts are stored and will be processed: the body counts them "
        + "(accepted) and names those ignored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = WebhookAnswer.class)))
@APIResponse(responseCode = "422", description = "An alert names a target outside Rewind's configured environments: "
        + "nothing was accepted")
public class AlertWebhookResource {

    private static final String EMPTY_BODY = "the request body is empty: send the Alertmanager webhook payload as JSON";

    private static final String EMPTY_SOURCE_BODY = "the request body is empty: send the webhook payload as JSON";

    private final AlertmanagerAdapter alertmanager;
    private final AlertIntake intake;
    private final GrafanaAdapter grafana;
    private final DatadogAdapter datadog;
    private final NewRelicAdapter newRelic;
    private final DetectorMetrics metrics;

    @Inject
    public AlertWebhookResource(AlertmanagerAdapter alertmanager, AlertIntake intake, GrafanaAdapter grafana,
                                DatadogAdapter datadog, NewRelicAdapter newRelic, DetectorMetrics metrics) {
        this.alertmanager = alertmanager;
        this.intake = intake;
        this.grafana = grafana;
        this.datadog = datadog;
        this.newRelic = newRelic;
        this.metrics = metrics;
    }

    /** Prometheus Alertmanager's webhook receiver (payload version 4). */
    @POST
    @Path("/alertmanager")
    public Response alertmanager(@NotNull(message = EMPTY_BODY) @Valid
                                 @ConvertGroup(from = Default.class, to = AlertmanagerPayload.FromAlertmanager.class)
                                 AlertmanagerPayload payload) {
        List<AlertEvent> alerts = alertmanager.normalize(payload);
        intake.accept(alerts);
        return Response.accepted(WebhookAnswer.of(alerts.size())).build();
    }

    /** Grafana alerting's webhook contact point: Alertmanager's payload with version 1 (docs/alert-sources.md). */
    @POST
    @Path("/grafana")
    public Response grafana(@NotNull(message = EMPTY_SOURCE_BODY) @Valid
                            @ConvertGroup(from = Default.class, to = AlertmanagerPayload.FromGrafana.class)
                            AlertmanagerPayload payload) {
        List<AlertEvent> alerts = grafana.normalize(payload);
        intake.accept(alerts);
        return Response.accepted(WebhookAnswer.of(alerts.size())).build();
    }

    /** Datadog's webhook integration, Rewind's recommended payload template or Datadog's default one. */
    @POST
    @Path("/datadog")
    public Response datadog(@NotNull(message = EMPTY_SOURCE_BODY) @Valid DatadogPayload payload) {
        return accepted(DatadogAdapter.SOURCE, datadog.normalize(payload));
    }

    /** A New Relic workflow's webhook destination, New Relic's default payload template. */
    @POST
    @Path("/newrelic")
    public Response newRelic(@NotNull(message = EMPTY_SOURCE_BODY) @Valid NewRelicPayload payload) {
        return accepted(NewRelicAdapter.SOURCE, newRelic.normalize(payload));
    }

    /** Accepts the alerts; a refused environment is named by the payload field the target was read from. */
    private Response accepted(String source, NormalizedAlerts normalized) {
        metrics.ignored(source, normalized.ignored().size());
        try {
            intake.accept(normalized.alerts());
        } catch (TargetRefused refused) {
            throw Problems.of(Problems.UNPROCESSABLE_CONTENT, "the alert names a target outside Rewind's configured "
                    + "environments; nothing was accepted", refused.refusals().stream()
                    .map(r -> FieldViolation.body(normalized.targetField(), r.reason())).toList());
        }
        return Response.accepted(new WebhookAnswer(normalized.alerts().size(), normalized.ignored())).build();
    }
}
