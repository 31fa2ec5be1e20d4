package dev.rewind.detector.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The vendor payloads under src/test/resources/payloads, their ${placeholders} filled in. */
final class Payloads {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    private Payloads() {
    }

    /** Payload {@code name} with ${environment}, ${namespace}, ${service} of {@code target} and {@code values}. */
    static String of(String name, TargetKey target, String... values) {
        Map<String, String> filled = new HashMap<>(Map.of("environment", target.environment(),
                "namespace", target.namespace(), "service", target.service()));
        for (int i = 0; i + 1 < values.length; i += 2) {
            filled.put(values[i], values[i + 1]);
        }
        Matcher placeholder = PLACEHOLDER.matcher(raw(name));
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = filled.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException(name + " needs a value for ${" + placeholder.group(1) + "}");
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(out).toString();
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String raw(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + name + " under src/test/resources/payloads");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
