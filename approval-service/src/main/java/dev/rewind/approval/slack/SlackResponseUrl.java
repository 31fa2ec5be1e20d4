package dev.rewind.approval.slack;

import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Slack's {@code response_url}: each interaction names its own, so the URL is given with each call. */
@RegisterRestClient(configKey = "slack-response-url")
public interface SlackResponseUrl {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(@Url String url, SlackReply reply);
}
