package dev.rewind.notifier.slack;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A Slack incoming webhook: the base URI is the whole webhook URL. */
public interface SlackIncomingWebhook {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(JsonNode message);
}
