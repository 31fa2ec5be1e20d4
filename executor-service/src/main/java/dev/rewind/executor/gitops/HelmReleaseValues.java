package dev.rewind.executor.gitops;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values a Git change pins in a Flux HelmRelease's manifest ({@code spec.values} leaves naming a last good image or
 * tag), and whether the HelmRelease in the cluster holds them yet: its Kustomization applies them some time after the
 * commit is fetched, and a HelmRelease resumed before would upgrade back to the faulty release.
 */
public final class HelmReleaseValues {

    private HelmReleaseValues() {
    }

    /**
     * The leaves of HelmRelease {@code namespace/name}'s {@code spec.values} in {@code files} (path to YAML text, one
     * or several documents) whose value is one of {@code pins}: path (keys, list indexes) to value. A manifest that
     * names no namespace counts (its Kustomization may set it).
     */
    public static Map<List<String>, String> pinned(Map<String, String> files, String namespace, String name,
                                                   Collection<String> pins) {
        Map<List<String>, String> pinned = new LinkedHashMap<>();
        for (String text : files.values()) {
            for (String document : text.split("(?m)^---[ \\t]*$")) {
                GenericKubernetesResource manifest = parse(document);
                if (manifest != null && "HelmRelease".equals(manifest.getKind()) && manifest.getMetadata() != null
                        && name.equals(manifest.getMetadata().getName())
                        && (manifest.getMetadata().getNamespace() == null
                        || namespace.equals(manifest.getMetadata().getNamespace()))) {
                    collect(manifest.get("spec", "values"), new ArrayList<>(), pins, pinned);
                }
            }
        }
        return pinned;
    }

    /** True when {@code helmRelease}'s {@code spec.values} holds each of {@code pinned} at its path. */
    public static boolean holds(GenericKubernetesResource helmRelease, Map<List<String>, String> pinned) {
        Object values = helmRelease.get("spec", "values");
        for (Map.Entry<List<String>, String> pin : pinned.entrySet()) {
            Object node = values;
            for (String key : pin.getKey()) {
                node = node instanceof Map<?, ?> map ? map.get(key)
                        : node instanceof List<?> list && key.matches("\\d+") && Integer.parseInt(key) < list.size()
                        ? list.get(Integer.parseInt(key)) : null;
            }
            if (node == null || !Objects.equals(String.valueOf(node), pin.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Object node, List<String> path, Collection<String> pins,
                                Map<List<String>, String> pinned) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(value, with(path, String.valueOf(key)), pins, pinned));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), with(path, String.valueOf(i)), pins, pinned);
            }
        } else if (node != null && pins.contains(String.valueOf(node))) {
            pinned.put(List.copyOf(path), String.valueOf(node));
        }
    }

    private static List<String> with(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    private static GenericKubernetesResource parse(String document) {
        if (document.isBlank()) {
            return null;
        }
        try {
            return Serialization.unmarshal(document, GenericKubernetesResource.class);
        } catch (RuntimeException notAnObject) {
            return null;
        }
    }
}
