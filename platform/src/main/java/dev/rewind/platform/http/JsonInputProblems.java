package dev.rewind.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response.Status;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what Jackson throws while reading a request body into a 400 problem that names the field (a JSON path) and
 * the rule it breaks, in the words of the JSON the client sent: "must be a string", never a Java type name.
 */
public final class JsonInputProblems {

    /** The example every timestamp message gives, in the format Alertmanager and Rewind's events use. */
    public static final String TIMESTAMP_RULE = "must be an RFC 3339 timestamp such as 2026-11-15T14:25:31Z";

    private static final String LEAD = "the request body does not have the expected shape; nothing was processed";
    /** Java-ish names Jackson puts in messages: {@code `java.time.OffsetDateTime`}, {@code dev.rewind.X}. */
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*\\.[A-Z][A-Za-z0-9_$]*");
    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");
    private static final int ECHOED_VALUE_LENGTH = 64;

    private JsonInputProblems() {
    }

    /** The problem for {@code exception}; a definition error is the service's fault and stays a 500. */
    public static HttpProblem of(JsonProcessingException exception) {
        if (exception instanceof InvalidDefinitionException) {
            return Problems.of(Status.INTERNAL_SERVER_ERROR,
                    "this service cannot read requests of this type (a defect in the service, not in the request)");
        }
        StreamConstraintsException limit = causeOf(exception, StreamConstraintsException.class);
        if (limit != null) {
            return Problems.of(Status.BAD_REQUEST, constraintDetail(limit));
        }
        StreamReadException syntax = causeOf(exception, StreamReadException.class);
        if (exception instanceof JsonMappingException mapping
                && (syntax == null || syntax instanceof InputCoercionException)) {
            return mappingProblem(mapping);
        }
        JsonProcessingException unreadable = syntax == null ? exception : syntax;
        String message = firstLine(unreadable.getOriginalMessage());
        String what = message.startsWith("Unexpected end-of-input")
                ? "ends before the JSON document does (truncated?)" : "is not valid JSON";
        return Problems.of(Status.BAD_REQUEST, "the request body " + what + location(unreadable) + ": "
                + withoutJavaNames(message));
    }

    /** {@code exception} itself or its first cause of {@code type}, or null. */
    private static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static HttpProblem mappingProblem(JsonMappingException exception) {
        String field = JsonPath.of(exception.getPath());
        String rule = rule(exception);
        if (field.isEmpty()) {
            return Problems.of(Status.BAD_REQUEST, "the request body " + rule);
        }
        return Problems.summarising(Status.BAD_REQUEST, LEAD, List.of(FieldViolation.body(field, rule)));
    }

    /** The rule a value breaks, e.g. "must be a string, got an object". */
    static String rule(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (exception instanceof InvalidNullException nullValue) {
            return expectation(nullValue.getTargetType()) + ", got null";
        }
        if (exception instanceof InvalidFormatException format) {
            return expectation(format.getTargetType()) + ", got " + echo(format.getValue());
        }
        if (exception instanceof MismatchedInputException mismatch) {
            return expectation(mismatch.getTargetType()) + got(mismatch);
        }
        if (exception.getCause() instanceof InputCoercionException range) {
            return "is out of range: " + withoutJavaNames(firstLine(range.getOriginalMessage()));
        }
        if (exception instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return "is invalid: " + withoutJavaNames(firstLine(instantiation.getCause().getMessage()));
        }
        return "is invalid: " + withoutJavaNames(firstLine(exception.getOriginalMessage()));
    }

    /** What a value of {@code type} looks like in JSON. */
    static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (isIntegral(type)) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == LocalDate.class) {
            return "must be a day such as 2026-11-20";
        }
        if (Temporal.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)) {
            return TIMESTAMP_RULE;
        }
        if (type == Duration.class) {
            return "must be an ISO 8601 duration such as PT5M";
        }
        if (type == UUID.class) {
            return "must be a UUID such as 3f2b8c1e-7d4a-4e29-9a61-0c5d2e8b7f10";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a JSON array";
        }
        // Maps, records and other classes are all objects in JSON.
        return "must be a JSON object";
    }

    private static boolean isIntegral(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == BigInteger.class;
    }

    /**
     * ", got an array": what the client sent instead. Jackson names the token in its message ("(token
     * `JsonToken.START_ARRAY`)"); the parser itself is closed by the time a mapper sees the exception.
     */
    private static String got(MismatchedInputException exception) {
        Matcher token = TOKEN.matcher(String.valueOf(exception.getOriginalMessage()));
        if (!token.find()) {
            return "";
        }
        return switch (token.group(1)) {
            case "START_ARRAY", "END_ARRAY" -> ", got an array";
            case "START_OBJECT", "END_OBJECT", "FIELD_NAME" -> ", got an object";
            case "VALUE_STRING" -> ", got a string";
            case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> ", got a number";
            case "VALUE_TRUE" -> ", got true";
            case "VALUE_FALSE" -> ", got false";
            case "VALUE_NULL" -> ", got null";
            default -> "";
        };
    }

    private static String constraintDetail(StreamConstraintsException exception) {
        String message = String.valueOf(exception.getOriginalMessage());
        String limit = numberAfter(message, "maximum allowed (");
        if (message.startsWith("Document nesting depth")) {
            return "the request body nests JSON objects and arrays more than " + limit
                    + " levels deep, deeper than this service accepts (rewind.http.json.max-nesting-depth)";
        }
        if (message.startsWith("String value length")) {
            return "the request body has a string longer than the " + limit + " characters this service accepts";
        }
        if (message.startsWith("Number value length")) {
            return "the request body has a number longer than the " + limit + " digits this service accepts";
        }
        return "the request body exceeds a JSON size limit of this service";
    }

    private static String numberAfter(String message, String marker) {
        int start = message.indexOf(marker);
        if (start < 0) {
            return "the allowed number of";
        }
        int from = start + marker.length();
        int end = from;
        while (end < message.length() && Character.isDigit(message.charAt(end))) {
            end++;
        }
        return end > from ? message.substring(from, end) : "the allowed number of";
    }

    private static String location(JsonProcessingException exception) {
        var where = exception.getLocation();
        return where == null || where.getLineNr() < 0 ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    /** A value as the client sent it, shortened: {@code "yesterday"}. */
    static String echo(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (text.length() > ECHOED_VALUE_LENGTH) {
            text = text.substring(0, ECHOED_VALUE_LENGTH) + "…";
        }
        return value instanceof CharSequence ? "\"" + text + "\"" : text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        int marker = line.indexOf(" (start marker at");
        return marker < 0 ? line : line.substring(0, marker);
    }

    /** Removes Java type names from a message meant for the client. */
    static String withoutJavaNames(String message) {
        return QUALIFIED_NAME.matcher(BACKTICKED.matcher(message).replaceAll("value")).replaceAll("value");
    }
}
