package dev.rewind.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the fault suite owns (Kafka broker or PostgreSQL), run by the project's own {@code dev/} script on ports
 * and in a state directory of the suite's own: never the tests' or the dev stack's, so that restarting it disturbs
 * nothing else.
 */
final class DevServer {

    private final Path root;
    private final String script;
    private final Map<String, String> environment;
    private final Path logs;

    DevServer(Path root, String script, Path stateDir, Map<String, String> environment) {
        this.root = root;
        this.script = script;
        this.environment = new HashMap<>(environment);
        this.environment.put("REWIND_STATE_DIR", stateDir.toString());
        this.logs = root.resolve("system-tests/target/fault-suite");
    }

    void start() {
        run("start");
    }

    /** Stops the server the way its script does (the broker: SIGTERM, a controlled shutdown; PostgreSQL: fast). */
    void stop() {
        run("stop");
    }

    /** Stops the server and starts it again with its data, as an operator's restart or a node's reboot does. */
    void restart() {
        stop();
        start();
    }

    private void run(String action) {
        Path log = logs.resolve(script.replace(".sh", "") + ".log");
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", root.resolve("dev").resolve(script).toString(),
                    action)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("dev/" + script + " " + action + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
