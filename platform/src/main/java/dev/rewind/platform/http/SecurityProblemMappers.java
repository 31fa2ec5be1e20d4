package dev.rewind.platform.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers authentication and authorization failures with problem+json: 401 with a {@code WWW-Authenticate: Bearer}
 * challenge for a missing, malformed, expired or untrusted token, 403 for a valid token without the role. These take
 * precedence over quarkus-resteasy-problem's security mappers, which fail on this Quarkus version.
 */
public class SecurityProblemMappers {

    private static final String BEARER_CHALLENGE = "Bearer realm=\"rewind\"";

    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class},
            priority = RequestProblemMappers.PRIORITY)
    public Response unauthorized(RuntimeException exception, UriInfo uriInfo) {
        HttpProblem problem = HttpProblem.builder(Problems.of(Response.Status.UNAUTHORIZED,
                        "a valid bearer token is needed: send Authorization: Bearer <JWT from your identity provider>;"
                                + " a token that is expired, from another issuer or audience, or signed by an "
                                + "untrusted key is refused"))
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE).build();
        return Problems.toResponse(problem, exception, uriInfo);
    }

    @ServerExceptionMapper(priority = RequestProblemMappers.PRIORITY)
    public Response forbidden(ForbiddenException exception, UriInfo uriInfo) {
        String detail = exception.getMessage() == null || exception.getMessage().isBlank()
                ? "your token does not grant the role this needs" : exception.getMessage();
        return Problems.toResponse(Problems.of(Response.Status.FORBIDDEN, detail), exception, uriInfo);
    }
}
