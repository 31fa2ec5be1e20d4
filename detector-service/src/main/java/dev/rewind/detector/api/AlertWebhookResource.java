package dev.rewind.detector.api;

import dev.rewind.detector.service.AlertIntake;
import dev.rewind.events.alert.AlertEvent;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Webhooks monitoring systems post alerts to. Answers 202 once the alerts are durably accepted; every refusal is
 * application/problem+json naming the field and the rule ({@code dev.rewind.platform.http}).
 */
@Path("/api/v1/alerts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AlertWebhookResource {

    private static final String EMPTY_BODY = "the request body is empty: send the Alertmanager webhook payload as JSON";

    private final AlertmanagerAdapter alertmanager;
    private final AlertIntake intake;

    @Inject
    public AlertWebhookResource(AlertmanagerAdapter alertmanager, AlertIntake intake) {
        this.alertmanager = alertmanager;
        this.intake = intake;
    }

    /** Prometheus Alertmanager's webhook receiver (payload version 4). */
    @POST
    @Path("/alertmanager")
    public Response alertmanager(@NotNull(message = EMPTY_BODY) @Valid AlertmanagerPayload payload) {
        List<AlertEvent> alerts = alertmanager.normalize(payload);
        intake.accept(alerts);
        return Response.accepted(Map.of("accepted", alerts.size())).build();
    }
}
