package dev.rewind.executor.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Finds startup errors in log text: lines matching the error pattern and not the ignore pattern. */
public final class StartupErrors {

    private static final int LONGEST_LINE_SHOWN = 200;
    /** A log of JSON lines is more than one value: it is never taken for one object. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Pattern errors;
    private final Optional<Pattern> ignored;

    public StartupErrors(String pattern, Optional<String> extraPattern, Optional<String> ignore) {
        this.errors = compile("rewind.executor.verification.startup-logs.pattern (or extra-pattern)",
                extraPattern.map(extra -> "(?:" + pattern + ")|(?:" + extra + ")").orElse(pattern));
        this.ignored = ignore.map(regex -> compile("rewind.executor.verification.startup-logs.ignore", regex));
    }

    /** The lines of {@code log} that are startup errors, as written (long lines cut). */
    public List<String> scan(String log) {
        List<String> found = new ArrayList<>();
        if (log == null) {
            return found;
        }
        for (String line : log.split("\\R")) {
            if (errors.matcher(line).find() && ignored.map(p -> !p.matcher(line).find()).orElse(true)) {
                found.add(line.length() > LONGEST_LINE_SHOWN ? line.substring(0, LONGEST_LINE_SHOWN) + "..." : line);
            }
        }
        return found;
    }

    /**
     * The kind of Kubernetes object {@code log} is, when an API server answered a log request with an object instead
     * of log text (one that serves no logs, like the fabric8 mock, lists pods); empty for log text.
     */
    public static Optional<String> apiObjectKind(String log) {
        String text = log == null ? "" : log.strip();
        if (!text.startsWith("{\"apiVersion\"") || !text.endsWith("}")) {
            return Optional.empty();
        }
        try {
            JsonNode object = JSON.readTree(text);
            return object.hasNonNull("kind") ? Optional.of(object.get("kind").asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code pod} was created (or started) after {@code since}: a pod of the rollback. A pod whose times
     * are unknown counts as new, since reading its logs since {@code since} shows only new lines anyway.
     */
    public static boolean startedAfter(Pod pod, Instant since) {
        Optional<Instant> created = parse(pod.getMetadata().getCreationTimestamp());
        Optional<Instant> started = parse(pod.getStatus() == null ? null : pod.getStatus().getStartTime());
        if (created.isEmpty() && started.isEmpty()) {
            return true;
        }
        return created.map(t -> !t.isBefore(since)).orElse(false) || started.map(t -> !t.isBefore(since)).orElse(false);
    }

    private static Optional<Instant> parse(String timestamp) {
        try {
            return timestamp == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(timestamp).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Pattern compile(String property, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(property + " is not a valid regular expression (" + e.getDescription()
                    + " at index " + e.getIndex() + " of '" + regex + "'): fix it (in application.properties a "
                    + "backslash is written \\\\)", e);
        }
    }
}
