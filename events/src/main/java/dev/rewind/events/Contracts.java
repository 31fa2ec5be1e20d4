package dev.rewind.events;

import java.util.List;
import java.util.Map;

/** Small guards shared by the event records' constructors. */
public final class Contracts {

    private Contracts() {
    }

    /** Fails with a message naming {@code field} when {@code value} is null. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    /** Fails with a message naming {@code field} when {@code value} is null or blank. */
    public static String requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required and must not be blank");
        }
        return value;
    }

    public static <K, V> Map<K, V> copyOrEmpty(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }

    public static <T> List<T> copyOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
