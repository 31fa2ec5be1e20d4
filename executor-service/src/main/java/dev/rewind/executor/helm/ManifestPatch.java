package dev.rewind.executor.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The patch that brings a live object to what the target manifest renders, in place of Helm's three-way strategic
 * merge (which has no Java implementation, and which the fabric8 mock answers 415, as it does server-side apply).
 *
 * <p>An RFC 6902 JSON Patch ({@code application/json-patch+json}), the same on a real API server and on the mock:
 * <ol>
 * <li>{@code replace /metadata/resourceVersion} with the live object's: a compare-and-set, 409 when someone wrote
 *     the object since it was read (never a {@code test} op: a failing one gets no answer from the mock);</li>
 * <li>{@code add /metadata/labels} and {@code /metadata/annotations}: the live maps with the target's entries set
 *     and those the current manifest set but the target does not removed, so that others' labels stay;</li>
 * <li>for {@code spec}, each top-level field the target sets ({@code add}: it replaces a present member and creates
 *     an absent one, so it never fails), each one the current manifest set but the target no longer does removed
 *     when present; fields neither manifest sets (replicas under an autoscaler, a Service's clusterIP, status) are
 *     left alone;</li>
 * <li>likewise every other top-level field ({@code data}, {@code stringData}, {@code binaryData}, {@code rules},
 *     ...), whole.</li>
 * </ol>
 * Fields compare by value (numbers by number), so an object that already matches gets no patch, as Helm skips an
 * empty one. Coarser than Helm: a list the target sets replaces the live list whole (a Service's ports lose an
 * assigned nodePort the chart does not pin).
 */
public final class ManifestPatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_RENDERED = Set.of("apiVersion", "kind", "metadata", "status");
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a instanceof NumericNode x && b instanceof NumericNode y) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private ManifestPatch() {
    }

    /**
     * The JSON patch that takes {@code live} to {@code target}, or empty when it already matches.
     *
     * @param current the object as the current revision's manifest renders it, or null when it did not
     * @param target the object as the target revision renders it, with Helm's ownership metadata
     * @param live the object as the API server returned it
     */
    public static Optional<String> of(ObjectNode current, ObjectNode target, ObjectNode live) {
        ObjectNode original = current == null ? JSON.createObjectNode() : current;
        ArrayNode ops = JSON.createArrayNode();
        metadataMap("labels", original, target, live, ops);
        metadataMap("annotations", original, target, live, ops);
        for (String field : fields(original, target)) {
            if (NOT_RENDERED.contains(field)) {
                continue;
            }
            if (field.equals("spec") && target.path("spec").isObject() && live.path("spec").isObject()) {
                for (String specField : fields(original.path("spec"), target.path("spec"))) {
                    converge("/spec/" + escape(specField), target.path("spec").path(specField),
                            live.path("spec").path(specField), ops);
                }
            } else {
                converge("/" + escape(field), target.path(field), live.path(field), ops);
            }
        }
        if (ops.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode patch = JSON.createArrayNode();
        patch.addObject().put("op", "replace").put("path", "/metadata/resourceVersion")
                .put("value", live.path("metadata").path("resourceVersion").asText());
        patch.addAll(ops);
        return Optional.of(patch.toString());
    }

    private static void metadataMap(String name, ObjectNode original, ObjectNode target, ObjectNode live,
                                    ArrayNode ops) {
        Map<String, String> before = HelmManifest.stringMap(live.path("metadata").path(name));
        Map<String, String> after = HelmManifest.stringMap(live.path("metadata").path(name));
        Map<String, String> wanted = HelmManifest.stringMap(target.path("metadata").path(name));
        HelmManifest.stringMap(original.path("metadata").path(name)).keySet().stream()
                .filter(key -> !wanted.containsKey(key)).forEach(after::remove);
        after.putAll(wanted);
        if (!after.equals(before)) {
            ops.addObject().put("op", "add").put("path", "/metadata/" + name).set("value", JSON.valueToTree(after));
        }
    }

    private static void converge(String path, JsonNode wanted, JsonNode live, ArrayNode ops) {
        if (wanted.isMissingNode()) {
            if (!live.isMissingNode()) {
                ops.addObject().put("op", "remove").put("path", path);
            }
        } else if (live.isMissingNode() || !wanted.equals(BY_VALUE, live)) {
            ops.addObject().put("op", "add").put("path", path).set("value", wanted);
        }
    }

    private static Set<String> fields(JsonNode original, JsonNode target) {
        Set<String> fields = new LinkedHashSet<>();
        target.fieldNames().forEachRemaining(fields::add);
        original.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** RFC 6901: {@code ~} and {@code /} in a member name. */
    private static String escape(String member) {
        return member.replace("~", "~0").replace("/", "~1");
    }
}
