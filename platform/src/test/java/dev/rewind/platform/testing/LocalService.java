package dev.rewind.platform.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the tests need (Kafka broker, PostgreSQL): reused when something already listens on its port, otherwise
 * started with the project's own {@code dev/} script and stopped, when the JVM exits, only if we started it.
 */
final class LocalService {

    private final String script;
    private final int port;
    private final Map<String, String> environment;
    private boolean startedHere;

    LocalService(String script, int port, Map<String, String> environment) {
        this.script = script;
        this.port = port;
        this.environment = environment;
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    synchronized void ensureRunning() {
        if (startedHere || listening("127.0.0.1", port)) {
            return;
        }
        run("start");
        startedHere = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop"), "stop-" + script));
    }

    /** Stops the server now, whoever started it; its data stays for {@link #restart}. */
    synchronized void stopNow() {
        run("stop");
    }

    /** Starts the server again after {@link #stopNow}, with the same data. */
    synchronized void restart() {
        run("start");
    }

    private void run(String action) {
        Path root = projectRoot();
        Path log = root.resolve("target").resolve(script.replace(".sh", "") + "-" + action + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("dev").resolve(script).toString(), action)
                    .directory(root.toFile())
                    // Never inherit the test JVM's stdout: it would corrupt surefire's channel.
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("dev/" + script + " " + action + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running dev/" + script, e);
        }
    }

    /** The reactor root, passed by the build as system property {@code rewind.root}. */
    static Path projectRoot() {
        String root = System.getProperty("rewind.root");
        if (root != null) {
            return Path.of(root);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("dev").resolve("kafka.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (dev/kafka.sh); set -Drewind.root");
        }
        return dir;
    }
}
