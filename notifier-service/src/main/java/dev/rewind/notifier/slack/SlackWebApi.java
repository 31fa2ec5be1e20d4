package dev.rewind.notifier.slack;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The two Slack Web API methods Rewind calls; the base URI is {@code rewind.notifier.slack.api-url}. */
public interface SlackWebApi {

    @POST
    @Path("chat.postMessage")
    @Consumes(MediaType.APPLICATION_JSON + ";charset=utf-8")
    @Produces(MediaType.APPLICATION_JSON)
    Response postMessage(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode message);

    @POST
    @Path("chat.update")
    @Consumes(MediaType.APPLICATION_JSON + ";charset=utf-8")
    @Produces(MediaType.APPLICATION_JSON)
    Response update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode message);
}
