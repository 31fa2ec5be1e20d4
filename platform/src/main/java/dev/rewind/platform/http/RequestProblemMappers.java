package dev.rewind.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.rewind.platform.messaging.outbox.OutboxEventTooLarge;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every Rewind REST API answers a request it cannot read or accept with application/problem+json naming the field
 * and the rule: these mappers take precedence over Quarkus' own (an empty 400 for a mismatched type outside dev
 * mode) and over quarkus-resteasy-problem's (Jackson's messages with Java type names, "HTTP 400 Bad Request" for
 * malformed JSON, Bean Validation paths such as {@code alerts[0].<list element>}).
 */
public class RequestProblemMappers {

    /** The class that decodes URLs and form bodies in Quarkus REST; its failures are the client's. */
    private static final String URL_DECODER = "org.jboss.resteasy.reactive.common.util.URLUtils";

    /** Ahead of quarkus-resteasy-problem's mappers, which it registers at {@code Priorities.AUTHENTICATION - 1}. */
    static final int PRIORITY = Priorities.AUTHENTICATION - 10;

    /** Listed one by one: the mapper registered for the thrown type's closest class wins, then the priority. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, StreamReadException.class,
            StreamConstraintsException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class}, priority = PRIORITY)
    public Response unreadableJson(JsonProcessingException exception, UriInfo uriInfo) {
        return Problems.toResponse(JsonInputProblems.of(exception), exception, uriInfo);
    }

    /** Quarkus wraps JSON syntax and constraint errors in a bare 400 WebApplicationException: unwrap them. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException exception, UriInfo uriInfo, HttpHeaders headers) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return Problems.toResponse(JsonInputProblems.of(json), exception, uriInfo);
            }
        }
        return Problems.toResponse(problemOf(exception, headers), exception, uriInfo);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalid(ConstraintViolationException exception, UriInfo uriInfo, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return Problems.toResponse(ConstraintViolationProblems.of(exception.getConstraintViolations(), method),
                exception, uriInfo);
    }

    /**
     * A form body (the console's forms) with a broken percent-encoding ({@code %ZZ}, a lone {@code %}): Quarkus REST
     * cannot decode it and throws a bare IllegalArgumentException, which would otherwise be a 500. Any other
     * IllegalArgumentException stays the server's error it is.
     */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response undecodable(IllegalArgumentException exception, UriInfo uriInfo) {
        boolean decoding = Arrays.stream(exception.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(URL_DECODER));
        HttpProblem problem = decoding
                ? Problems.of(Response.Status.BAD_REQUEST, "the form is not valid URL encoding: "
                        + exception.getMessage() + "; percent-encode each field (a literal % is %25)")
                : HttpProblem.valueOf(Response.Status.INTERNAL_SERVER_ERROR);
        return Problems.toResponse(problem, exception, uriInfo);
    }

    /** The outbox refused an event the request produced: Kafka could never publish it, so nothing was accepted. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response eventTooLarge(OutboxEventTooLarge exception, UriInfo uriInfo) {
        return Problems.toResponse(Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the request would produce an"
                + " event of " + exception.bytes() + " bytes, more than the " + exception.limit() + " bytes one Kafka"
                + " record may carry (rewind.messaging.outbox.max-event-bytes); nothing was accepted: send less"),
                exception, uriInfo);
    }

    private static HttpProblem problemOf(WebApplicationException exception, HttpHeaders headers) {
        Response response = exception.getResponse();
        String detail = exception instanceof NotSupportedException
                ? "this endpoint does not read a body of Content-Type " + contentType(headers) + "; Rewind's webhooks"
                        + " and APIs read JSON: send Content-Type: " + MediaType.APPLICATION_JSON
                : exception.getMessage();
        HttpProblem.Builder problem = HttpProblem.builder(Problems.of(response.getStatusInfo(), detail));
        response.getHeaders().forEach((name, values) -> {
            // The problem has its own body: the original's length and type would describe another one.
            if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                    && !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                problem.withHeader(name, values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
        });
        return problem.build();
    }

    private static String contentType(HttpHeaders headers) {
        String type = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return type == null || type.isBlank() ? "missing" : type;
    }
}
