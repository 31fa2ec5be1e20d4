package dev.rewind.notifier.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The PagerDuty Events API v2: alerts (trigger, resolve) and change events; it answers 202 when it took one. */
public interface PagerDutyEvents {

    @POST
    @Path("/v2/enqueue")
    @Consumes(MediaType.APPLICATION_JSON)
    Response enqueue(JsonNode event);

    @POST
    @Path("/v2/change/enqueue")
    @Consumes(MediaType.APPLICATION_JSON)
    Response change(JsonNode event);
}
