package dev.rewind.events.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of this module's types and topic constants, read from src/main/java, so that the AsyncAPI document says
 * what the code's comments say instead of a second wording that would drift.
 */
final class Javadocs {

    private static final Path SOURCES = Path.of("src", "main", "java");
    /** A Javadoc comment, then annotations and modifiers, then the declaration of a type. */
    private static final String BEFORE_DECLARATION = "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
            + "(?:(?:public|static|final|sealed|abstract)\\s+)*";

    private Javadocs() {
    }

    /** The comment on {@code type}'s declaration, tags and markup removed: summary and {@code @param}s. */
    static Comment of(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        String source = read(SOURCES.resolve(outer.getName().replace('.', '/') + ".java"));
        Matcher matcher = Pattern.compile(BEFORE_DECLARATION + "(?:record|interface|enum|class|@interface)\\s+"
                + Pattern.quote(type.getSimpleName()) + "\\b", Pattern.DOTALL).matcher(source);
        return matcher.find() ? Comment.parse(matcher.group(1)) : Comment.NONE;
    }

    /** The comment on the constant of Topics that declares the topic named {@code topic}. */
    static Comment ofTopicConstant(Class<?> topics, String topic) {
        String source = read(SOURCES.resolve(topics.getName().replace('.', '/') + ".java"));
        Matcher matcher = Pattern.compile(BEFORE_DECLARATION + "Topic<[^>]*>\\s+\\w+\\s*=\\s*Topic\\.of\\(\""
                + Pattern.quote(topic) + "\"", Pattern.DOTALL).matcher(source);
        return matcher.find() ? Comment.parse(matcher.group(1)) : Comment.NONE;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath() + ": run this from the events "
                    + "module's directory", e);
        }
    }

    /** A comment's main text and its {@code @param} descriptions. */
    record Comment(String text, Map<String, String> params) {

        static final Comment NONE = new Comment("", Map.of());

        static Comment parse(String raw) {
            String plain = raw.lines().map(line -> line.replaceFirst("^\\s*\\*\\s?", "")).map(String::strip)
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            // HTML markup first: what {@code} quotes may look like a tag (<environment>) and must stay.
            plain = plain.replaceAll("</?(?:p|em|strong|b|i|ul|ol|li|pre)\\b[^>]*>", "")
                    .replaceAll("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}", "$1");
            String[] parts = plain.split("\n(?=@)");
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                Matcher param = Pattern.compile("@param\\s+(\\w+)\\s+(.*)", Pattern.DOTALL).matcher(parts[i]);
                if (param.matches()) {
                    params.put(param.group(1), oneLine(param.group(2)));
                }
            }
            return new Comment(oneLine(parts[0]), params);
        }

        Optional<String> param(String name) {
            return Optional.ofNullable(params.get(name));
        }

        private static String oneLine(String text) {
            return text.strip().replaceAll("\\s+", " ");
        }
    }
}
