package dev.rewind.cli;

import static dev.rewind.cli.StubRewind.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command line: where the settings come from, the help, completion. */
class ConfigurationTest {

    @TempDir
    Path home;

    @Test
    void theConfigFileInTheHomeDirectoryNamesRewindAndATokenFile() throws IOException {
        try (StubRewind rewind = new StubRewind()) {
            rewind.on("GET", "/api/v1/incidents", 200, JSON, "{\"items\":[],\"next\":null}");
            Path token = Files.writeString(home.resolve("token"), "file-token\n");
            Files.createDirectories(home.resolve(".config/rewind"));
            Files.writeString(home.resolve(".config/rewind/config.properties"),
                    "incidents-url=" + rewind.url() + "\ntoken-file=" + token + "\n");

            CliRun fromFile = CliRun.of(Map.of(), home, "incidents");
            CliRun fromFlag = CliRun.of(Map.of("REWIND_TOKEN", "env-token"), home, "incidents", "--token", "flag");

            assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
            assertThat(fromFlag.exitCode()).as(fromFlag.err()).isZero();
            assertThat(rewind.received).extracting(StubRewind.Received::authorization)
                    .containsExactly("Bearer file-token", "Bearer flag");
        }
    }

    @Test
    void aTypoInTheConfigFileIsAUsageError() throws IOException {
        Path file = Files.writeString(home.resolve("rewind.properties"), "tokn=x\n");

        CliRun run = CliRun.of(Map.of("REWIND_CONFIG", file.toString()), home, "incidents");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown key 'tokn'");
    }

    @Test
    void theHelpListsTheCommandsAndTheExitCodes() {
        CliRun run = CliRun.of(Map.of(), home, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("incidents", "incident", "approve", "reject", "rollback", "postmortem",
                "drill", "generate-completion", "Exit codes:", "3   Rewind cannot be reached or failed (5xx)");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of(Map.of(), home);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("name a command");
    }

    @Test
    void generatesABashAndZshCompletionScript() {
        CliRun run = CliRun.of(Map.of(), home, "generate-completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F _complete_rewind", "incidents", "--incidents-url");
    }
}
