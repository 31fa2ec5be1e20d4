package dev.rewind.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses the NUL character (U+0000: an escape in a JSON string, {@code %00} in a URL) in every string and field name
 * of a request body and in every query and path parameter, with a 400 naming the field: PostgreSQL cannot store or
 * search for it in text, so a request carrying one would otherwise fail with a 500 when written or queried, or be
 * accepted and then dead-lettered by its consumer.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    /** The rule a string with a NUL character breaks. */
    public static final String RULE = "must not contain the NUL character (\\u0000), which Rewind cannot store";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("rewind-nul-free-strings")
                .addDeserializer(String.class, new Values())
                .addKeyDeserializer(String.class, new Names()));
    }

    /** Once the resource method is matched, so that path parameters are known. */
    @ServerRequestFilter
    public void refuseInParameters(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        MultivaluedMap<String, String> query;
        try {
            query = uri.getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw Problems.of(Response.Status.BAD_REQUEST, "the URL's query is not valid percent-encoding: "
                    + e.getMessage());
        }
        problem(query, uri.getPathParameters()).ifPresent(problem -> {
            throw problem;
        });
    }

    /** The 400 for query or path parameters holding a NUL character, if any does. */
    static Optional<HttpProblem> problem(MultivaluedMap<String, String> query, MultivaluedMap<String, String> path) {
        List<FieldViolation> violations = new ArrayList<>();
        addViolations("query", query, violations);
        addViolations("path", path, violations);
        return violations.isEmpty() ? Optional.empty() : Optional.of(Problems.summarising(
                Response.Status.BAD_REQUEST, "the request is invalid; nothing was processed", violations));
    }

    private static void addViolations(String in, MultivaluedMap<String, String> parameters,
                                      List<FieldViolation> violations) {
        parameters.forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                violations.add(new FieldViolation(name.replace("\0", "%00"), in,
                        "must not contain the NUL character (%00), which Rewind cannot store or search for"));
            }
        });
    }

    /** {@code value}, or a mapping failure at the parser's current field when it contains a NUL character. */
    public static String checked(JsonParser parser, String value) throws JsonMappingException {
        if (value != null && value.indexOf('\0') >= 0) {
            throw JsonMappingException.from(parser, RULE);
        }
        return value;
    }

    /** Jackson's own string reading (and coercions), then the check. */
    private static final class Values extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(parser, super.deserialize(parser, context));
        }
    }

    private static final class Names extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (key != null && key.indexOf('\0') >= 0) {
                throw JsonMappingException.from(context, "has a field name that " + RULE);
            }
            return key;
        }
    }
}
