package dev.rewind.platform.http;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds RFC 9457 problem details (application/problem+json) with a {@code violations} list, the one error format of
 * every Rewind REST API. Throw the result from a resource, or turn it into a response in an exception mapper.
 */
public final class Problems {

    /**
     * 422: the request is well formed, but what it asks is refused (Jakarta REST 3.1 names no such status).
     */
    public static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    /** Details name at most this many violations; the {@code violations} list carries them all. */
    private static final int VIOLATIONS_IN_DETAIL = 3;

    private Problems() {
    }

    /** A problem about the request as a whole (no field at fault). */
    public static HttpProblem of(Response.StatusType status, String detail) {
        return of(status, detail, List.of());
    }

    /** A problem naming the fields at fault; an empty list leaves {@code violations} out. */
    public static HttpProblem of(Response.StatusType status, String detail, List<FieldViolation> violations) {
        HttpProblem.Builder builder = HttpProblem.builder()
                .withStatus(status)
                .withTitle(status.getReasonPhrase())
                .withDetail(detail);
        if (!violations.isEmpty()) {
            builder.with("violations", List.copyOf(violations));
        }
        return builder.build();
    }

    /** A problem whose detail summarises {@code violations}, after {@code lead} (e.g. "nothing was accepted"). */
    public static HttpProblem summarising(Response.StatusType status, String lead, List<FieldViolation> violations) {
        return of(status, summary(lead, violations), violations);
    }

    /** "lead: a: must ...; b: must ...; and 2 more". */
    static String summary(String lead, List<FieldViolation> violations) {
        String named = violations.stream().limit(VIOLATIONS_IN_DETAIL).map(FieldViolation::describe)
                .collect(Collectors.joining("; "));
        int more = violations.size() - VIOLATIONS_IN_DETAIL;
        return lead + ": " + named + (more > 0 ? "; and " + more + " more (see violations)" : "");
    }

    /**
     * The response of {@code problem}, after the extension's post-processing (the {@code instance} path, logging)
     * that its own mappers apply, so problems from Rewind's mappers look and log like every other.
     */
    public static Response toResponse(HttpProblem problem, Throwable cause, UriInfo uriInfo) {
        return ExceptionMapperBase.postProcessorsRegistry
                .applyPostProcessing(problem, ProblemContext.of(cause, uriInfo))
                .toResponse();
    }
}
