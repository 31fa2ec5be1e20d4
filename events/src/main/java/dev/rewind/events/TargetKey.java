package dev.rewind.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The deployment a rollback is about, {@code <environment>/<namespace>/<service>}: the Kafka record key of every event.
 */
public record TargetKey(String environment, String namespace, String service) {

    /** A Kubernetes DNS-1123 label: lower-case alphanumerics and '-', 1 to 63 characters. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public TargetKey {
        requireLabel("environment", environment);
        requireLabel("namespace", namespace);
        requireLabel("service", service);
    }

    /** Parses {@code environment/namespace/service}. */
    @JsonCreator
    public static TargetKey parse(String key) {
        Objects.requireNonNull(key, "target key must not be null");
        String[] parts = key.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "target key must be <environment>/<namespace>/<service>, got '" + key + "'");
        }
        return new TargetKey(parts[0], parts[1], parts[2]);
    }

    /** True when {@code value} is a Kubernetes DNS-1123 label, the rule every part of a target key follows. */
    public static boolean isDns1123Label(String value) {
        return value != null && LABEL.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String toString() {
        return environment + "/" + namespace + "/" + service;
    }

    private static void requireLabel(String part, String value) {
        if (!isDns1123Label(value)) {
            throw new IllegalArgumentException("target " + part + " must be a DNS-1123 label "
                    + "(lower-case letters, digits and '-', at most 63 characters), got '" + value + "'");
        }
    }
}
