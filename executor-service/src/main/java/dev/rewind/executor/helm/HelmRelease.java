package dev.rewind.executor.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One revision of a Helm release as Helm stores it: the release JSON ({@code name}, {@code namespace},
 * {@code version}, {@code info}, {@code chart}, {@code config}, {@code manifest}, {@code hooks}, and whatever else a
 * Helm version adds, kept as it is) and the release's own labels, the non-system labels of its Secret.
 *
 * @param json the release, never changed in place: edits return a new release
 * @param labels the release's labels ({@code helm install --labels}), without Helm's system labels
 */
public record HelmRelease(ObjectNode json, Map<String, String> labels) {

    /** Labels Helm's Secrets driver sets itself ({@code GetSystemLabels}); the others are the release's. */
    public static final Set<String> SYSTEM_LABELS = Set.of("name", "owner", "status", "version", "createdAt",
            "modifiedAt");

    public HelmRelease {
        json = json.deepCopy();
        labels = Map.copyOf(labels);
    }

    /** A copy of the release JSON: edits go through {@link #withStatus} and the like. */
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The release read from its Secret's labels (system labels dropped, as Helm's {@code Get} does). */
    public static HelmRelease of(ObjectNode json, Map<String, String> secretLabels) {
        Map<String, String> own = new TreeMap<>();
        if (secretLabels != null) {
            secretLabels.forEach((key, value) -> {
                if (!SYSTEM_LABELS.contains(key)) {
                    own.put(key, value);
                }
            });
        }
        return new HelmRelease(json, own);
    }

    public String name() {
        return json.path("name").asText();
    }

    public String namespace() {
        return json.path("namespace").asText();
    }

    public long version() {
        return json.path("version").asLong();
    }

    public HelmStatus status() {
        return HelmStatus.of(json.path("info").path("status").asText());
    }

    public String description() {
        return json.path("info").path("description").asText();
    }

    /** The rendered objects of this revision, YAML documents as Helm stored them. */
    public String manifest() {
        return json.path("manifest").asText();
    }

    /** The events ({@code pre-rollback}, ...) of each hook of this revision's chart, by hook name. */
    public Map<String, List<String>> hookEvents() {
        Map<String, List<String>> hooks = new TreeMap<>();
        for (JsonNode hook : json.path("hooks")) {
            List<String> events = new ArrayList<>();
            hook.path("events").forEach(event -> events.add(event.asText()));
            hooks.put(hook.path("name").asText(hook.path("path").asText()), events);
        }
        return hooks;
    }

    /** This release with {@code info.status} (and, unless null, {@code info.description}) set. */
    public HelmRelease withStatus(HelmStatus status, String description) {
        ObjectNode copy = json.deepCopy();
        ObjectNode info = copy.withObjectProperty("info");
        info.put("status", status.wire());
        if (description != null) {
            info.put("description", description);
        }
        return new HelmRelease(copy, labels);
    }

    /** "release-name revision N (status)", as people read it. */
    @Override
    public String toString() {
        return name() + " revision " + version() + " (" + status().wire() + ")";
    }
}
