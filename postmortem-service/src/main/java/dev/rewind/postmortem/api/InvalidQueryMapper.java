package dev.rewind.postmortem.api;

import dev.rewind.platform.http.FieldViolation;
import dev.rewind.platform.http.Problems;
import dev.rewind.postmortem.domain.query.InvalidQuery;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A query written wrongly is a 400 problem naming each query parameter at fault (in {@code violations}). */
public class InvalidQueryMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidQuery exception, UriInfo uri) {
        return Problems.toResponse(Problems.summarising(Response.Status.BAD_REQUEST,
                "the query is invalid; nothing was read", exception.problems().stream()
                        .map(p -> new FieldViolation(p.parameter(), "query", p.message())).toList()),
                exception, uri);
    }
}
