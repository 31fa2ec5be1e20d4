package dev.rewind.postmortem.console;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The approval service's API, called by the console as the signed-in person (their token, passed on): the approval
 * service alone judges every vote by its rules. Only the fields the console shows are read.
 */
@RegisterRestClient(configKey = "approvals")
@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
public interface ApprovalApi {

    @GET
    List<Summary> undecided(@HeaderParam("Authorization") String bearer, @QueryParam("state") String state);

    @GET
    @Path("/{id}")
    Detail get(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    Result approve(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id, Vote vote);

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    Result reject(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id, Vote vote);

    /** A request in the list. */
    record Summary(UUID id) {
    }

    /** One request as the console shows it. */
    record Detail(UUID id, UUID incidentId, long incidentNumber, String target, String severity, String state,
                  String reason, String requestedBy, String deployedBy, Set<String> excluded, String approvals,
                  Hold hold, List<Evidence> evidence, List<VoteView> votes, Instant requestedAt, Instant deadline,
                  Instant expiresAt, String alertsResolved, YourVote yourVote) {
    }

    /** The guard that holds a request. */
    record Hold(String code, String reason) {
    }

    /** One alert behind the request. */
    record Evidence(String source, String signal, String summary, Double observedValue, Double threshold,
                    Instant startsAt) {
    }

    /** One vote so far. */
    record VoteView(String by, String verdict, String channel, String reason, Instant at) {
    }

    /** What the signed-in person may do on the request now, and why not. */
    record YourVote(boolean mayApprove, String whyNotApprove, boolean mayReject, String whyNotReject) {
    }

    /** A vote's body. */
    record Vote(String reason) {
    }

    /** Where the request stands after a vote. */
    record Result(UUID requestId, long incidentNumber, String target, String state, List<String> approvedBy,
                  String stillNeeded, boolean repeated) {
    }
}
