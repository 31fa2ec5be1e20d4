package dev.rewind.postmortem.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.postmortem.api.Access;
import dev.rewind.postmortem.console.view.DeadlineBadge;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The console's approvals: the undecided rollback requests the signed-in person may decide first, with their
 * evidence; approve or reject with a reason. Every vote goes through the approval API as that person, so its rules
 * (roles, no self-approval, four-eyes) are the only ones, and its answer shows at once.
 */
@Path("/console/approvals")
@Produces(MediaType.TEXT_HTML)
public class ApprovalsPage {

    private final Access access;
    private final Chromes chromes;
    private final ApprovalApi approvals;
    private final CallerToken token;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public ApprovalsPage(Access access, Chromes chromes, @RestClient ApprovalApi approvals, CallerToken token,
                         ObjectMapper json, Clock clock) {
        this.access = access;
        this.chromes = chromes;
        this.approvals = approvals;
        this.token = token;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One request's card.
     *
     * @param outcome what the person's vote did, or null before they voted
     * @param problem why the approval service refused the vote, or null
     */
    public record Card(ApprovalApi.Detail request, DeadlineBadge deadline, String outcome, String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(Chrome chrome, List<Card> yours, List<Card> others, String problem);

        static native TemplateInstance approvals$card(Card card);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        access.reader();
        List<Card> yours = new ArrayList<>();
        List<Card> others = new ArrayList<>();
        String problem = null;
        try {
            String bearer = token.header();
            for (ApprovalApi.Summary summary : approvals.undecided(bearer, "PENDING,HELD")) {
                Card card = card(approvals.get(bearer, summary.id()), null, null);
                ApprovalApi.YourVote vote = card.request().yourVote();
                (vote != null && (vote.mayApprove() || vote.mayReject()) ? yours : others).add(card);
            }
        } catch (WebApplicationException | ProcessingException refused) {
            problem = explain(refused);
        }
        return Templates.approvals(chromes.of("approvals"), yours, others, problem);
    }

    @POST
    @Path("/{id}/{verdict:approve|reject}")
    @Operation(hidden = true)
    public TemplateInstance vote(@PathParam("id") String id, @PathParam("verdict") String verdict,
                                 @RestHeader("HX-Request") String htmx, @RestForm String reason) {
        ConsoleRequests.requireFromConsole(htmx);
        access.reader();
        UUID request = requestId(id);
        String bearer = token.header();
        ApprovalApi.Vote vote = new ApprovalApi.Vote(reason == null || reason.isBlank() ? null : reason.strip());
        String outcome = null;
        String problem = null;
        try {
            ApprovalApi.Result result = "approve".equals(verdict) ? approvals.approve(bearer, request, vote)
                    : approvals.reject(bearer, request, vote);
            outcome = (result.repeated() ? "Your vote was already counted" : "approve".equals(verdict)
                    ? "Approved" : "Rejected") + ": the request is now " + result.state().toLowerCase(Locale.ROOT)
                    + (result.stillNeeded() == null || "none".equals(result.stillNeeded()) ? ""
                    : "; still needed: " + result.stillNeeded());
        } catch (WebApplicationException | ProcessingException refused) {
            problem = explain(refused);
        }
        try {
            return Templates.approvals$card(card(approvals.get(bearer, request), outcome, problem));
        } catch (WebApplicationException | ProcessingException unreadable) {
            return Templates.approvals$card(new Card(null, null, outcome, problem != null ? problem
                    : explain(unreadable)));
        }
    }

    private Card card(ApprovalApi.Detail request, String outcome, String problem) {
        boolean undecided = "PENDING".equals(request.state()) || "HELD".equals(request.state());
        return new Card(request, DeadlineBadge.of(undecided ? "PENDING" : "NOT_APPLICABLE", request.requestedAt(),
                request.deadline(), Instant.now(clock), undecided), outcome, problem);
    }

    /** The approval service's explanation (its problem's detail), or what went wrong reaching it. */
    private String explain(RuntimeException refused) {
        if (refused instanceof WebApplicationException web && web.getResponse() != null) {
            try {
                JsonNode problem = json.readTree(web.getResponse().readEntity(String.class));
                if (problem.hasNonNull("detail")) {
                    return problem.get("detail").asText();
                }
            } catch (RuntimeException | java.io.IOException unreadable) {
                // fall through to the status
            }
            return "the approval service answered " + web.getResponse().getStatus();
        }
        return "the approval service cannot be reached (" + refused.getMessage() + "); try again, or use Slack or the CLI";
    }

    private static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("path parameter 'id' must be a request UUID, got '" + id + "'");
        }
    }
}
