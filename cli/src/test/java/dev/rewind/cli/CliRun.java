package dev.rewind.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of {@code rewind}: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** The fixtures' "now": five minutes after INCIDENT-12 opened. */
    static final Instant NOW = Instant.parse("2026-11-29T05:05:00Z");

    /** Runs {@code rewind args} with {@code environment} as its only environment and {@code home} as its home. */
    static CliRun of(Map<String, String> environment, Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RewindCli.commandLine(new CliContext(environment, home, Clock.fixed(NOW, ZoneOffset.UTC)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
