package dev.rewind.platform.http;

/**
 * One thing wrong with a request, as a problem+json {@code violations} entry: where ({@code body}, {@code query},
 * {@code path}, {@code header}), which field (a JSON path such as {@code alerts[0].labels.environment}) and the rule
 * it breaks.
 */
public record FieldViolation(String field, String in, String message) {

    /** A violation of a field of the JSON request body. */
    public static FieldViolation body(String field, String message) {
        return new FieldViolation(field, "body", message);
    }

    /** "field: message", for details and logs. */
    public String describe() {
        return field + ": " + message;
    }
}
