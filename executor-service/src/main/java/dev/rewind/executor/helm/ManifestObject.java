package dev.rewind.executor.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object of a release's manifest, as rendered by the chart.
 *
 * @param json the object as the manifest writes it (Helm's ownership labels and annotations added when applied)
 */
public record ManifestObject(Key key, ObjectNode json) {

    /**
     * What Helm matches objects of two manifests by ({@code isMatchingInfo}): name, namespace and group/kind, not
     * the version.
     *
     * @param group the API group, "" for the core group
     */
    public record Key(String group, String kind, String namespace, String name) {

        /** "ConfigMap shop/checkout-config", as people read it. */
        @Override
        public String toString() {
            return kind + " " + namespace + "/" + name;
        }
    }

    public ManifestObject {
        json = json.deepCopy();
    }

    public String kind() {
        return key.kind();
    }

    public String name() {
        return key.name();
    }

    /** The object's {@code apiVersion}, e.g. {@code apps/v1}. */
    public String apiVersion() {
        return json.path("apiVersion").asText();
    }
}
