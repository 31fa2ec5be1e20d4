package dev.rewind.detector.api;

import dev.rewind.detector.config.ManualRequestsConfig;
import dev.rewind.detector.service.ManualRequestRefused;
import dev.rewind.detector.service.ManualRequests;
import dev.rewind.platform.http.FieldViolation;
import dev.rewind.platform.http.Problems;
import dev.rewind.platform.people.People;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Where a person asks for a rollback by hand, with a JWT bearer token: it becomes an incident and a rollback request
 * like the detector's own, named after the token's user, and the approval policy decides whether it runs.
 */
@Path("/api/v1/rollbacks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
public class RollbackRequestResource {

    private static final String EMPTY_BODY = "the request body is empty: send {environment, namespace, service, "
            + "reason, severity} as JSON, and toRevision to return to a revision other than the previous one";
    private static final String KEY = "[\\x21-\\x7e]{1,255}";

    private final People people;
    private final ManualRequestsConfig config;
    private final ManualRequests requests;

    @Inject
    public RollbackRequestResource(People people, ManualRequestsConfig config, ManualRequests requests) {
        this.people = people;
        this.config = config;
        this.requests = requests;
    }

    /** What the requester is told: the incident opened and the rollback request awaiting approval. */
    public record Accepted(String incidentId, long incidentNumber, String requestId) {
    }

    @POST
    @APIResponseSchema(value = Accepted.class, responseCode = "202", responseDescription = "The incident is open and "
            + "its rollback request awaits the approval policy")
    @APIResponse(responseCode = "409", description = "The target already has an open incident: the problem names it "
            + "(incidentId, incidentNumber)")
    @APIResponse(responseCode = "422", description = "The rollback cannot be done as asked: the problem says why")
    public Response request(
            @HeaderParam("Idempotency-Key") @Pattern(regexp = KEY, message = "must be 1 to 255 visible ASCII "
                    + "characters, e.g. a UUID; send the same key again to retry a request") String idempotencyKey,
            @NotNull(message = EMPTY_BODY) @Valid RollbackRequestBody body) {
        String requester = people.caller(config.roles()).name();
        ManualRequests.Accepted accepted = requests.request(body.by(requester), idempotencyKey);
        return Response.accepted(new Accepted(accepted.incidentId().toString(), accepted.incidentNumber(),
                accepted.requestId().toString())).build();
    }

    @ServerExceptionMapper
    public Response refused(ManualRequestRefused refused, UriInfo uriInfo) {
        HttpProblem problem;
        if (refused.kind() == ManualRequestRefused.Kind.CONFLICT) {
            problem = HttpProblem.builder(Problems.of(Response.Status.CONFLICT, refused.getMessage()))
                    .with("incidentId", refused.incidentId().toString())
                    .with("incidentNumber", refused.incidentNumber())
                    .build();
        } else {
            List<FieldViolation> violations = refused.field() == null ? List.of()
                    : List.of(FieldViolation.body(refused.field(), refused.getMessage()));
            problem = Problems.of(Problems.UNPROCESSABLE_CONTENT, refused.getMessage(), violations);
        }
        return Problems.toResponse(problem, refused, uriInfo);
    }
}
