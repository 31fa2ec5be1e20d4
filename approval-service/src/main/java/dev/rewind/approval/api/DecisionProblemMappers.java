package dev.rewind.approval.api;

import dev.rewind.approval.service.RequestNotFound;
import dev.rewind.approval.service.VoteRefused;
import dev.rewind.platform.http.FieldViolation;
import dev.rewind.platform.http.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers refused votes with problem+json: 403 for a role that may not cast the vote, 409 for a vote that conflicts
 * with the request or with earlier votes (self-approval, a second vote, a decided request), 422 for a missing reason,
 * 404 for an unknown request.
 */
public class DecisionProblemMappers {

    @ServerExceptionMapper
    public Response refused(VoteRefused refused, UriInfo uriInfo) {
        return Problems.toResponse(switch (refused.refusal()) {
            case NOT_ALLOWED -> Problems.of(Response.Status.FORBIDDEN, refused.getMessage());
            case REASON_REQUIRED, REASON_TOO_LONG -> Problems.of(Problems.UNPROCESSABLE_CONTENT, refused.getMessage(),
                    List.of(FieldViolation.body("reason", refused.getMessage())));
            case SELF_APPROVAL, ALREADY_VOTED, NOT_NEEDED, NOT_OPEN ->
                    Problems.of(Response.Status.CONFLICT, refused.getMessage());
        }, refused, uriInfo);
    }

    @ServerExceptionMapper
    public Response notFound(RequestNotFound notFound, UriInfo uriInfo) {
        return Problems.toResponse(Problems.of(Response.Status.NOT_FOUND, notFound.getMessage()), notFound, uriInfo);
    }
}
