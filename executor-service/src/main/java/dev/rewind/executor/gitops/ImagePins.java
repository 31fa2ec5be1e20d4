package dev.rewind.executor.gitops;

import dev.rewind.executor.domain.MethodUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a GitOps repository pins a release's images, and the same files with the last good images pinned instead:
 * a full image reference ({@code registry.example/shop/checkout:v1.3.0}, in one manifest or values file), or else a
 * tag beside its image's name in one file (kustomize's {@code images: - name: ... newTag: v1.3.0}, Helm values'
 * {@code repository: ... tag: v1.3.0}). Only text is replaced, so comments and layout stay as people wrote them.
 */
public final class ImagePins {

    private ImagePins() {
    }

    /**
     * {@code files} (path to text) changed so that each container's image goes from {@code bad} to {@code good}
     * (container name to image reference): only the files that change.
     *
     * @throws MethodUnavailable when an image is pinned nowhere, in more than one file, or under an image automation's
     *         marker
     */
    public static Map<String, String> pin(Map<String, String> files, Map<String, String> bad,
                                          Map<String, String> good) {
        Map<String, String> changed = new TreeMap<>();
        for (Map.Entry<String, String> container : new TreeMap<>(bad).entrySet()) {
            String from = container.getValue();
            String to = good.get(container.getKey());
            if (to == null || to.equals(from)) {
                continue;
            }
            if (!replaceReference(files, changed, from, to) && !replaceTag(files, changed, from, to)) {
                throw new MethodUnavailable("no file pins image " + from + " (container " + container.getKey()
                        + ") as a whole reference, nor its tag beside its name: nothing in Git to set back to " + to);
            }
        }
        return changed;
    }

    private static boolean replaceReference(Map<String, String> files, Map<String, String> changed, String from,
                                            String to) {
        Pattern whole = Pattern.compile("(?<![\\w./:@-])" + Pattern.quote(from) + "(?![\\w.-])");
        List<String> candidates = files.keySet().stream()
                .filter(path -> whole.matcher(changed.getOrDefault(path, files.get(path))).find()).toList();
        if (candidates.size() > 1) {
            throw new MethodUnavailable("image " + from + " is pinned in several files " + candidates + " (other "
                    + "workloads or environments, perhaps): not guessing which one deploys it");
        }
        if (candidates.isEmpty()) {
            return false;
        }
        String path = candidates.get(0);
        String text = changed.getOrDefault(path, files.get(path));
        refuseAutomatedUpdates(path, text, from);
        changed.put(path, whole.matcher(text).replaceAll(Matcher.quoteReplacement(to)));
        return true;
    }

    /**
     * Refuses a pin that an image automation maintains (a Flux {@code $imagepolicy} marker on its line): it would
     * write the bad tag back.
     */
    private static void refuseAutomatedUpdates(String path, String text, String pinned) {
        text.lines().filter(line -> line.contains(pinned) && line.contains("$imagepolicy")).findFirst()
                .ifPresent(line -> {
                    throw new MethodUnavailable(path + " pins " + pinned + " under an image automation marker ("
                            + line.strip() + "): it would write the release back; pause the ImageUpdateAutomation "
                            + "and roll back by hand");
                });
    }

    private static boolean replaceTag(Map<String, String> files, Map<String, String> changed, String from,
                                      String to) {
        String name = nameOf(from);
        String fromTag = tagOf(from);
        String toTag = tagOf(to);
        if (fromTag == null || toTag == null || !nameOf(to).equals(name)) {
            return false;
        }
        Pattern tag = Pattern.compile("(?m)^(\\s*(?:newTag|tag)\\s*:\\s*[\"']?)" + Pattern.quote(fromTag)
                + "([\"']?\\s*(?:#.*)?)$");
        List<String> candidates = new ArrayList<>();
        for (String path : files.keySet()) {
            String text = changed.getOrDefault(path, files.get(path));
            if (text.contains(name) && tag.matcher(text).results().count() == 1) {
                candidates.add(path);
            }
        }
        if (candidates.size() > 1) {
            throw new MethodUnavailable("the tag of image " + from + " is pinned beside its name in several files "
                    + candidates + ": not guessing which one deploys it");
        }
        if (candidates.isEmpty()) {
            return false;
        }
        String path = candidates.get(0);
        refuseAutomatedUpdates(path, changed.getOrDefault(path, files.get(path)), fromTag);
        changed.put(path, tag.matcher(changed.getOrDefault(path, files.get(path)))
                .replaceAll("$1" + Matcher.quoteReplacement(toTag) + "$2"));
        return true;
    }

    /** {@code registry:5000/shop/checkout} of {@code registry:5000/shop/checkout:v1} (digests left as they are). */
    static String nameOf(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash && !image.contains("@") ? image.substring(0, colon) : image;
    }

    /** {@code v1} of {@code registry:5000/shop/checkout:v1}; null without a tag (or with a digest). */
    public static String tagOf(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash && !image.contains("@") ? image.substring(colon + 1) : null;
    }
}
