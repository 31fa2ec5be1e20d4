package dev.rewind.platform.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response.Status;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Turns Bean Validation failures of a REST request into a 400 problem naming each field as the client wrote it:
 * {@code alerts[0].status} in the body, {@code limit} in the query. A violation of the body as a whole (an empty
 * body) becomes the detail. Violations of a response are the service's fault: a 500.
 */
public final class ConstraintViolationProblems {

    private static final String LEAD = "the request is invalid; nothing was processed";

    private ConstraintViolationProblems() {
    }

    /** @param resourceMethod the invoked resource method, to tell query, path and header parameters from the body */
    public static HttpProblem of(Set<ConstraintViolation<?>> violations, Method resourceMethod) {
        List<FieldViolation> fields = new ArrayList<>();
        List<String> whole = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            Located located = locate(violation.getPropertyPath(), resourceMethod);
            if (located == null) {
                return Problems.of(Status.INTERNAL_SERVER_ERROR,
                        "this service produced an invalid response (a defect in the service, not in the request)");
            }
            if (located.field().isEmpty()) {
                whole.add(violation.getMessage());
            } else {
                fields.add(new FieldViolation(located.field(), located.in(), violation.getMessage()));
            }
        }
        fields.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
        if (!whole.isEmpty()) {
            return Problems.of(Status.BAD_REQUEST, String.join("; ", whole), fields);
        }
        return Problems.summarising(Status.BAD_REQUEST, LEAD, fields);
    }

    private record Located(String in, String field) {
    }

    /** Where a violation is, or null when it is about a return value. */
    private static Located locate(Path path, Method resourceMethod) {
        String in = "body";
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.RETURN_VALUE) {
                return null;
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                Located parameter = parameter(node.as(Path.ParameterNode.class), resourceMethod);
                in = parameter.in();
                field.append(parameter.field());
                continue;
            }
            if (node.isInIterable()) {
                if (node.getKey() != null) {
                    JsonPath.appendName(field, String.valueOf(node.getKey()));
                } else if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
            }
            // Container elements are named like "<list element>": the index or key above already says which.
            if (node.getName() != null && !node.getName().startsWith("<")) {
                JsonPath.appendName(field, node.getName());
            }
        }
        return new Located(in, field.toString());
    }

    /** A query, path or header parameter by its HTTP name; the body by the empty path. */
    private static Located parameter(Path.ParameterNode node, Method resourceMethod) {
        Parameter[] parameters = resourceMethod == null ? new Parameter[0] : resourceMethod.getParameters();
        if (node.getParameterIndex() >= parameters.length) {
            return new Located("body", "");
        }
        Parameter parameter = parameters[node.getParameterIndex()];
        String name = node.getName();
        if (parameter.isAnnotationPresent(QueryParam.class)) {
            return new Located("query", parameter.getAnnotation(QueryParam.class).value());
        }
        if (parameter.isAnnotationPresent(RestQuery.class)) {
            return new Located("query", orName(parameter.getAnnotation(RestQuery.class).value(), name));
        }
        if (parameter.isAnnotationPresent(PathParam.class)) {
            return new Located("path", parameter.getAnnotation(PathParam.class).value());
        }
        if (parameter.isAnnotationPresent(RestPath.class)) {
            return new Located("path", orName(parameter.getAnnotation(RestPath.class).value(), name));
        }
        if (parameter.isAnnotationPresent(HeaderParam.class)) {
            return new Located("header", parameter.getAnnotation(HeaderParam.class).value());
        }
        if (parameter.isAnnotationPresent(RestHeader.class)) {
            return new Located("header", orName(parameter.getAnnotation(RestHeader.class).value(), name));
        }
        return new Located("body", "");
    }

    private static String orName(String value, String name) {
        return value == null || value.isEmpty() ? name : value;
    }
}
