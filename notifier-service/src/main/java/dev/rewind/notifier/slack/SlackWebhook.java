package dev.rewind.notifier.slack;

import dev.rewind.notifier.domain.SlackMessage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;

/** A Slack incoming webhook: the base URI is the whole webhook URL. */
public interface SlackWebhook {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    String post(SlackMessage message);
}
