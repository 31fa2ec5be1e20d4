package dev.rewind.events;

import static dev.rewind.events.Contracts.required;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a Deployment runs: its revision and the image of each container, read from the cluster. A rollback request
 * names the release it judged bad; the executor refuses when the target no longer runs it.
 *
 * @param revision the Deployment's {@code deployment.kubernetes.io/revision}, 0 when it has none yet
 * @param images container name to image, e.g. {@code checkout -> registry.example/shop/checkout:v1.3.0}
 */
public record Release(long revision, Map<String, String> images) {

    public Release {
        if (revision < 0) {
            throw new IllegalArgumentException("'revision' must not be negative");
        }
        required("images", images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("'images' must name at least one container");
        }
        images = Map.copyOf(images);
    }

    /** Images in container-name order, as people read them: {@code checkout=...:v1.3.0}. */
    @Override
    public String toString() {
        return "revision " + revision + " " + new TreeMap<>(images);
    }

    /** True when {@code other} runs the same revision with the same images. */
    public boolean sameAs(Release other) {
        return other != null && revision == other.revision && images.equals(other.images);
    }
}
