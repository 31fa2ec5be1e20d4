package dev.rewind.executor.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects of a release revision's manifest (the YAML documents Helm rendered and stored, {@code # Source:}
 * comments and empty documents skipped), in the manifest's order, which is Helm's install order. Objects without a
 * namespace are in the release's, as Helm builds them.
 */
public final class HelmManifest {

    /** Label Helm puts on every object it applies. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /** Annotation naming the release an object belongs to. */
    public static final String RELEASE_NAME = "meta.helm.sh/release-name";
    /** Annotation naming the namespace of that release. */
    public static final String RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";
    /** Annotation that keeps an object the release no longer renders ({@code helm.sh/resource-policy: keep}). */
    public static final String RESOURCE_POLICY = "helm.sh/resource-policy";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<ManifestObject> objects;

    private HelmManifest(List<ManifestObject> objects) {
        this.objects = List.copyOf(objects);
    }

    /**
     * Parses {@code manifest}.
     *
     * @throws IllegalArgumentException when a document is not YAML or not a Kubernetes object, in Helm's words
     */
    public static HelmManifest parse(String manifest, String releaseNamespace) {
        List<ManifestObject> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifest)) {
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document == null || document.isNull() || document.isMissingNode()
                        || (document.isObject() && document.isEmpty())) {
                    continue;
                }
                objects.add(object(document, releaseNamespace));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unable to build kubernetes objects from release manifest: "
                    + e.getMessage(), e);
        }
        return new HelmManifest(objects);
    }

    public List<ManifestObject> objects() {
        return objects;
    }

    /** The object of this manifest matching {@code key}, as Helm matches them. */
    public Optional<ManifestObject> find(ManifestObject.Key key) {
        return objects.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** The objects of this manifest that {@code other} lacks: those a rollback to {@code other} deletes. */
    public List<ManifestObject> missingFrom(HelmManifest other) {
        return objects.stream().filter(o -> other.find(o.key()).isEmpty()).toList();
    }

    /**
     * {@code object} with Helm's ownership ({@code setMetadataVisitor}): label {@value #MANAGED_BY}=Helm, annotations
     * {@value #RELEASE_NAME} and {@value #RELEASE_NAMESPACE}, and its namespace set.
     */
    public static ObjectNode owned(ManifestObject object, String release, String releaseNamespace) {
        ObjectNode json = object.json().deepCopy();
        ObjectNode metadata = json.withObjectProperty("metadata");
        metadata.put("namespace", object.key().namespace());
        Map<String, String> labels = stringMap(metadata.path("labels"));
        labels.put(MANAGED_BY, "Helm");
        metadata.set("labels", YAML.valueToTree(labels));
        Map<String, String> annotations = stringMap(metadata.path("annotations"));
        annotations.put(RELEASE_NAME, release);
        annotations.put(RELEASE_NAMESPACE, releaseNamespace);
        metadata.set("annotations", YAML.valueToTree(annotations));
        return json;
    }

    /** A JSON object of strings (labels, annotations) as a mutable map; empty when absent. */
    public static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static ManifestObject object(JsonNode document, String releaseNamespace) {
        if (!(document instanceof ObjectNode json)) {
            throw new IllegalArgumentException("a document is not an object: " + document);
        }
        String apiVersion = json.path("apiVersion").asText("");
        String kind = json.path("kind").asText("");
        String name = json.path("metadata").path("name").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException("an object has no apiVersion, kind or metadata.name: " + brief(json));
        }
        String namespace = json.path("metadata").path("namespace").asText("");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return new ManifestObject(new ManifestObject.Key(group, kind, namespace.isEmpty() ? releaseNamespace
                : namespace, name), json);
    }

    private static String brief(JsonNode json) {
        Map<String, Object> head = new HashMap<>();
        head.put("apiVersion", json.path("apiVersion").asText(null));
        head.put("kind", json.path("kind").asText(null));
        head.put("metadata", json.path("metadata"));
        return head.toString();
    }
}
