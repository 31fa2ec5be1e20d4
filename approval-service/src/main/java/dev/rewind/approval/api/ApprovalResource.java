package dev.rewind.approval.api;

import dev.rewind.approval.config.ApprovalConfig;
import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Approver;
import dev.rewind.approval.domain.Channel;
import dev.rewind.approval.domain.Verdict;
import dev.rewind.approval.persistence.ApprovalDecisionRecord;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.approval.service.DecisionResult;
import dev.rewind.approval.service.Decisions;
import dev.rewind.approval.service.RequestIntake;
import dev.rewind.approval.service.RequestNotFound;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.platform.http.QueryParameters;
import dev.rewind.platform.people.People;
import dev.rewind.platform.people.Person;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Where people decide on rollback requests with a JWT bearer token: list the pending ones, read one with its evidence,
 * approve, reject or override a guard's hold. Every vote goes through the same rules as Slack's buttons.
 */
@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
public class ApprovalResource {

    private static final int MAX_LIMIT = 500;
    private static final String VOTE_CONFLICT = "The vote cannot count: the request is no longer open or needs "
            + "no more votes, the caller voted already, or approves a rollback of their own release";
    private static final String VOTE_REASON = "The reason is missing (rejecting and overriding need one) or too long";

    private final People people;
    private final ApprovalConfig config;
    private final Decisions decisions;
    private final RequestIntake intake;

    @Inject
    public ApprovalResource(People people, ApprovalConfig config, Decisions decisions, RequestIntake intake) {
        this.people = people;
        this.config = config;
        this.decisions = decisions;
        this.intake = intake;
    }

    @GET
    @Transactional
    @Operation(summary = "Requests, newest first: the undecided ones (pending and held) unless state says otherwise")
    public List<ApprovalViews.Summary> list(@QueryParam("state") @DefaultValue("PENDING,HELD") String state,
                                            @QueryParam("environment") String environment,
                                            @QueryParam("severity") String severity,
                                            @QueryParam("limit") @DefaultValue("50") String limit) {
        caller();
        List<String> clauses = new ArrayList<>(List.of("state in :states"));
        Parameters parameters = Parameters.with("states", Arrays.stream(state.split(",", -1)).map(String::trim)
                .map(one -> parse(ApprovalState.class, "state", one)).toList());
        if (severity != null) {
            clauses.add("severity = :severity");
            parameters.and("severity", parse(Severity.class, "severity", severity));
        }
        if (environment != null) {
            if (!TargetKey.isDns1123Label(environment)) {
                throw new BadRequestException("query parameter 'environment' must be an environment name (a DNS-1123 "
                        + "label such as production), got '" + environment + "'");
            }
            clauses.add("target like :environment");
            parameters.and("environment", environment + "/%");
        }
        return ApprovalRequestRecord.<ApprovalRequestRecord>find(String.join(" and ", clauses),
                        Sort.descending("requestedAt"), parameters)
                .page(Page.ofSize(QueryParameters.limit(limit, MAX_LIMIT))).list().stream()
                .map(ApprovalViews.Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One request with its evidence, the release judged bad, the rollback target and its votes")
    public ApprovalViews.Detail get(@PathParam("id") String id) {
        Approver caller = caller();
        UUID requestId = requestId(id);
        ApprovalRequestRecord request = ApprovalRequestRecord.findById(requestId);
        if (request == null) {
            throw new RequestNotFound(requestId);
        }
        return ApprovalViews.Detail.of(request, intake.excluded(request), ApprovalDecisionRecord.on(requestId),
                decisions.preview(request, caller));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve; repeating one's own approval changes nothing")
    @APIResponseSchema(value = DecisionResult.class, responseDescription = "The vote counted: the request's state now")
    @APIResponse(responseCode = "409", description = VOTE_CONFLICT)
    @APIResponse(responseCode = "422", description = VOTE_REASON)
    public DecisionResult approve(@PathParam("id") String id, ApprovalViews.VoteBody body) {
        return vote(id, Verdict.APPROVE, body);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject, with a reason: ends the request and the incident's rollback path")
    @APIResponseSchema(value = DecisionResult.class, responseDescription = "The vote counted: the request's state now")
    @APIResponse(responseCode = "409", description = VOTE_CONFLICT)
    @APIResponse(responseCode = "422", description = VOTE_REASON)
    public DecisionResult reject(@PathParam("id") String id, ApprovalViews.VoteBody body) {
        return vote(id, Verdict.REJECT, body);
    }

    @POST
    @Path("/{id}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lift the guard that held a request, with a reason; counts as the caller's approval")
    @APIResponseSchema(value = DecisionResult.class, responseDescription = "The vote counted: the request's state now")
    @APIResponse(responseCode = "409", description = VOTE_CONFLICT)
    @APIResponse(responseCode = "422", description = VOTE_REASON)
    public DecisionResult override(@PathParam("id") String id, ApprovalViews.VoteBody body) {
        return vote(id, Verdict.OVERRIDE, body);
    }

    private DecisionResult vote(String id, Verdict verdict, ApprovalViews.VoteBody body) {
        return decisions.decide(requestId(id), caller(), verdict, body == null ? null : body.reason(),
                Channel.API);
    }

    /** The caller as an approver, holding the Rewind roles their token grants; 403 when it grants none. */
    private Approver caller() {
        Person person = people.caller(config.roles());
        return new Approver(person.name(), person.roles());
    }

    private static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("path parameter 'id' must be a request UUID, got '" + id + "'");
        }
    }


    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("query parameter '" + parameter + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
        }
    }
}
