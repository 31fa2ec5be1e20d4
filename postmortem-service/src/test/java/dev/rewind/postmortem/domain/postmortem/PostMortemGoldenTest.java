package dev.rewind.postmortem.domain.postmortem;

import static org.junit.jupiter.api.Assertions.fail;

import dev.rewind.postmortem.domain.FixtureStory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.util.diff.DiffUtils;
import org.junit.jupiter.api.Test;

/**
 * The generated post-mortem of the fixtures' INCIDENT-123 against the reviewed Markdown in
 * {@code src/test/resources/golden/INCIDENT-123.md}. After a deliberate change to the document, regenerate the file
 * with {@code mvn -B -o verify -pl postmortem-service -Dtest=PostMortemGoldenTest -Dgolden.update=true}, then read
 * {@code git diff} of it before committing: the diff is the change people will see.
 */
class PostMortemGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/INCIDENT-123.md");

    @Test
    void theRecoveredFixtureStoryRendersAsTheGoldenMarkdown() throws IOException {
        String actual = PostMortemMarkdown.render(PostMortem.of(FixtureStory.recovered(), PostMortemEdits.NONE, 0));

        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("the generated post-mortem differs from " + GOLDEN + " (unified diff, - golden, + generated):\n"
                    + diff(expected, actual) + "\nIf the change is deliberate, regenerate the golden file with\n"
                    + "  mvn -B -o verify -pl postmortem-service -Dtest=PostMortemGoldenTest -Dgolden.update=true\n"
                    + "and review `git diff postmortem-service/" + GOLDEN + "` before committing it.");
        }
    }

    private static String diff(String expected, String actual) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        List<String> unified = DiffUtils.generateUnifiedDiff("golden/INCIDENT-123.md", "generated", before,
                DiffUtils.diff(before, after), 2);
        return unified.isEmpty() ? "(only line endings or the final newline differ)" : String.join("\n", unified);
    }
}
