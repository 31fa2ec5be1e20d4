package dev.rewind.platform.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.regex.Pattern;

/** Renders where in a JSON document Jackson failed, as a user reads it: {@code alerts[0].labels.environment}. */
public final class JsonPath {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private JsonPath() {
    }

    /** The path of {@code references}, or an empty string for the document itself. */
    public static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                appendName(path, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Appends {@code .name}, or {@code ["name"]} when the name is not a plain identifier (a dot, a space). */
    public static StringBuilder appendName(StringBuilder path, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return (path.isEmpty() ? path : path.append('.')).append(name);
        }
        return path.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
    }
}
