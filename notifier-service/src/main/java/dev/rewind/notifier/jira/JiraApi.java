package dev.rewind.notifier.jira;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Jira Cloud's REST API v3, as far as opening an issue goes; answers come back as they are. The path is on the
 * method, not the interface, so that a test's implementation is not taken for a REST resource of the service.
 */
public interface JiraApi {

    /** Answers 201 with {@code {id, key, self}}. */
    @POST
    @Path("/rest/api/3/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response createIssue(@HeaderParam("Authorization") String authorization, JsonNode issue);
}
