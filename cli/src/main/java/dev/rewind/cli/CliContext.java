package dev.rewind.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What a run of the CLI reads from its surroundings: the environment, the home directory and the clock. */
public record CliContext(Map<String, String> environment, Path home, Clock clock) {

    /** This process's surroundings. */
    public static CliContext ofProcess() {
        return new CliContext(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC());
    }
}
