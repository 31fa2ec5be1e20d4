package dev.rewind.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Rewind service ({@code target/quarkus-app/quarkus-run.jar}) running as its own process, started the
 * way {@code dev/stack.sh} starts it; it can be killed, stopped and started again on the same port with the same
 * settings, as a kubelet restarts a container.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Ports given out start here: above the fixed ports of the tests' and the dev stack's brokers and databases. */
    private static final int LOWEST_PORT = 20000;
    /** Where the kernel's ephemeral range starts: ports given out stay below it. */
    private static final int EPHEMERAL_LOW = ephemeralRangeStart();
    private static final Random RANDOM = new Random();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final String name;
    private final String instance;
    private final int port;
    private final Map<String, String> environment;
    private final Process process;
    private final Path log;

    private ServiceProcess(Path root, String name, String instance, int port, Map<String, String> environment,
                           Process process, Path log) {
        this.root = root;
        this.name = name;
        this.instance = instance;
        this.port = port;
        this.environment = environment;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code name} from its packaged jar with {@code environment} on a free port; does not wait. */
    static ServiceProcess start(Path root, String name, Map<String, String> environment) {
        return start(root, name, name, environment);
    }

    /**
     * Starts one more instance of {@code name}, logging to {@code <instance>.log}, with {@code environment} on a free
     * port; does not wait.
     */
    static ServiceProcess start(Path root, String name, String instance, Map<String, String> environment) {
        return start(root, name, instance, freePort(), environment);
    }

    /**
     * Starts instance {@code instance} of service {@code name} on {@code port} with {@code environment}, logging to
     * {@code system-tests/target/system-test-logs/<instance>.log}; does not wait.
     */
    public static ServiceProcess start(Path root, String name, String instance, int port,
                                       Map<String, String> environment) {
        return start(root, name, instance, port, environment, false);
    }

    private static ServiceProcess start(Path root, String name, String instance, int port,
                                        Map<String, String> environment, boolean again) {
        // Absolute: the process runs from the jar's directory, so relative paths would resolve from there.
        root = root.toAbsolutePath().normalize();
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn package)");
        }
        Path log = root.resolve("system-tests/target/system-test-logs/" + instance + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(javaCommand(root, name, jar))
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(again ? ProcessBuilder.Redirect.appendTo(log.toFile())
                            : ProcessBuilder.Redirect.to(log.toFile()));
            Map<String, String> env = new HashMap<>(environment);
            env.put("HTTP_PORT", String.valueOf(port));
            builder.environment().putAll(env);
            return new ServiceProcess(root, name, instance, port, Map.copyOf(environment), builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts this instance again (same service, name, port and environment, its log appended to) once it has exited;
     * does not wait.
     */
    public ServiceProcess startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(instance + " still runs (pid " + process.pid() + ")");
        }
        return start(root, name, instance, port, environment, true);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The service this is an instance of, e.g. {@code executor-service}. */
    public String service() {
        return name;
    }

    /** This instance's stable name. */
    public String instance() {
        return instance;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** True once {@code /q/health/ready} answers 200; fails fast when the process died. */
    public boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(instance + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The file the process writes its log to. */
    public Path log() {
        return log;
    }

    /** Kills the process without a chance to clean up (SIGKILL), as a crash or the OOM killer does; waits for it. */
    public void kill() {
        process.destroyForcibly();
        awaitExit("SIGKILL");
    }

    /**
     * Stops the process as Kubernetes does (SIGTERM: a graceful stop) and waits for it to exit, however long its
     * shutdown takes; fails when it still runs after 60 s.
     */
    public void terminate() {
        process.destroy();
        awaitExit("SIGTERM");
    }

    /** Stops the process as Kubernetes does (SIGTERM: a graceful stop), forcibly after 20 s; waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitExit(String signal) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(instance + " still runs 60 s after " + signal + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * How dev/stack.sh and the image start a service: the options of dev/service-jvm.options, then its own
     * (&lt;service&gt;/jvm.options), and the class-data sharing archive the build made next to the jar when there is
     * one (it names the jar by its relative path, so the process runs from the jar's directory).
     */
    private static List<String> javaCommand(Path root, String name, Path jar) {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        Path common = root.resolve("dev/service-jvm.options");
        if (Files.exists(common)) { // a checkout older than the file: its own defaults
            command.add("@" + common);
        }
        Path own = root.resolve(name).resolve("jvm.options");
        if (Files.exists(own)) {
            command.add("@" + own);
        }
        if (Files.exists(jar.resolveSibling("app-cds.jsa"))) {
            command.addAll(List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:auto"));
        }
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        return command;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A loopback port nothing listens on now, not handed out before in this JVM, and below the kernel's ephemeral
     * range when that leaves room: a port from that range (what binding port 0 gives) may be taken by an outgoing
     * connection of the broker's, the database's or a browser's clients before the service binds it.
     */
    public static int freePort() {
        if (EPHEMERAL_LOW - LOWEST_PORT >= 1000) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int candidate = LOWEST_PORT + RANDOM.nextInt(EPHEMERAL_LOW - LOWEST_PORT);
                if (bindable(candidate) && HANDED_OUT.add(candidate)) {
                    return candidate;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            HANDED_OUT.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of Linux's ephemeral range (net.ipv4.ip_local_port_range); its usual 32768 elsewhere. */
    private static int ephemeralRangeStart() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
