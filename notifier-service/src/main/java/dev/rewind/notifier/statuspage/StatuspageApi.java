package dev.rewind.notifier.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Atlassian Statuspage's incidents of one page; {@code authorization} is {@code OAuth <api key>}. */
@Path("/v1/pages/{pageId}/incidents")
public interface StatuspageApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response create(@PathParam("pageId") String pageId, @HeaderParam("Authorization") String authorization,
                    JsonNode body);

    @PATCH
    @Path("/{incidentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response update(@PathParam("pageId") String pageId, @PathParam("incidentId") String incidentId,
                    @HeaderParam("Authorization") String authorization, JsonNode body);
}
