package dev.rewind.notifier.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tag name with placeholders, {@code v{version}} or {@code rewind/faulty/{version}}, filled from the rolled-back
 * target: {@code {version}}, {@code {service}}, {@code {namespace}}, {@code {environment}}.
 */
public final class TagTemplate {

    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("version", "service", "namespace", "environment");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final String key;
    private final String pattern;
    private final String problem;

    private TagTemplate(String key, String pattern, String problem) {
        this.key = key;
        this.pattern = pattern;
        this.problem = problem;
    }

    /** The template configured as {@code key}; a template it cannot fill is kept with its {@link #problem()}. */
    public static TagTemplate of(String key, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return new TagTemplate(key, "", key + " is empty: set it to a tag name such as '{version}'");
        }
        List<String> unknown = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        boolean hasVersion = false;
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add("{" + matcher.group(1) + "}");
            }
            hasVersion |= matcher.group(1).equals("version");
        }
        if (!unknown.isEmpty()) {
            return new TagTemplate(key, pattern, key + "='" + pattern + "' uses " + String.join(", ", unknown)
                    + ": the placeholders are {version}, {service}, {namespace} and {environment}");
        }
        if (!hasVersion) {
            // Without the version every release would map to one tag: the wrong commit would be tagged.
            return new TagTemplate(key, pattern, key + "='" + pattern + "' has no {version}: each release has its "
                    + "own tag, so the template must contain {version}");
        }
        return new TagTemplate(key, pattern, null);
    }

    /** What is wrong with the template, when it cannot be used. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The key and value as an error message names them: {@code rewind.notifier.git.version-tag='v{version}'}. */
    public String describe() {
        return key + "='" + pattern + "'";
    }

    /** The tag name for these placeholder values (each of {@link #PLACEHOLDERS}). */
    public String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder tag = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(tag, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(tag);
        return tag.toString();
    }
}
