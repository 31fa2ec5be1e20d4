package dev.rewind.sandbox.apps;

import static dev.rewind.kubernetes.DeploymentRevisions.controlledBy;

import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.sandbox.DaemonThreads;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A demo application behind every Deployment of the sandbox: its traffic goes to the versions whose ReplicaSets have
 * ready pods (the version is the first container's image tag), each answering as its fault says. A fault comes with
 * the version ({@link Fault#ANNOTATION} on its pod template) or is injected into a running version
 * ({@link #inject}), as a drill does.
 */
public final class DemoApps implements AutoCloseable {

    /** Requests per second each demo application serves. */
    public static final double REQUESTS_PER_SECOND = 200;

    private static final Logger LOG = Logger.getLogger(DemoApps.class.getName());

    private final KubernetesClient client;
    private final Map<AppId, DemoTraffic> apps = new ConcurrentHashMap<>();
    private final Map<String, Fault> injected = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sandbox-demo-apps"));
    private long lastTick;

    /** One demo application: the Deployment it runs as. */
    public record AppId(String namespace, String deployment) implements Comparable<AppId> {
        @Override
        public int compareTo(AppId other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return namespace + "/" + deployment;
        }
    }

    public DemoApps(KubernetesClient client) {
        this.client = client;
    }

    /** Serves traffic every {@code period}. */
    public DemoApps start(Duration period) {
        lastTick = System.nanoTime();
        loop.scheduleWithFixedDelay(this::tickSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Injects {@code fault} into {@code version} of the application of Deployment {@code namespace/deployment}. */
    public void inject(String namespace, String deployment, String version, Fault fault) {
        injected.put(namespace + "/" + deployment + "/" + version, fault);
    }

    /** Removes the fault injected into {@code version}; a fault its pod template carries stays. */
    public void heal(String namespace, String deployment, String version) {
        injected.remove(namespace + "/" + deployment + "/" + version);
    }

    /** The applications by Deployment, in name order. */
    public Map<AppId, DemoTraffic> apps() {
        return new TreeMap<>(apps);
    }

    /** The application of Deployment {@code namespace/deployment}, once it served. */
    public Optional<DemoTraffic> app(String namespace, String deployment) {
        return Optional.ofNullable(apps.get(new AppId(namespace, deployment)));
    }

    private void tickSafely() {
        try {
            long now = System.nanoTime();
            Duration elapsed = Duration.ofNanos(now - lastTick);
            lastTick = now;
            tick(elapsed);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "demo traffic round failed, retrying", e);
        }
    }

    /** Serves {@code elapsed} worth of traffic on every application. */
    public void tick(Duration elapsed) {
        List<ReplicaSet> replicaSets = client.apps().replicaSets().inAnyNamespace().list().getItems();
        List<Deployment> deployments = client.apps().deployments().inAnyNamespace().list().getItems();
        // A deleted Deployment's application is gone, with its faults.
        Set<AppId> existing = new HashSet<>();
        deployments.forEach(d -> existing.add(new AppId(d.getMetadata().getNamespace(), d.getMetadata().getName())));
        apps.keySet().retainAll(existing);
        injected.keySet().removeIf(key -> existing.stream().noneMatch(id -> key.startsWith(id + "/")));
        for (Deployment deployment : deployments) {
            AppId id = new AppId(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName());
            List<DemoTraffic.Running> running = new ArrayList<>();
            for (ReplicaSet replicaSet : replicaSets) {
                int ready = replicaSet.getStatus() == null || replicaSet.getStatus().getReadyReplicas() == null ? 0
                        : replicaSet.getStatus().getReadyReplicas();
                if (ready > 0 && controlledBy(replicaSet, deployment)) {
                    String version = versionOf(replicaSet.getSpec().getTemplate());
                    running.add(new DemoTraffic.Running(version, ready, faultOf(id, version,
                            replicaSet.getSpec().getTemplate())));
                }
            }
            apps.computeIfAbsent(id, key -> new DemoTraffic(REQUESTS_PER_SECOND)).advance(elapsed, running);
        }
    }

    private Fault faultOf(AppId id, String version, PodTemplateSpec template) {
        Fault fault = injected.get(id + "/" + version);
        if (fault != null) {
            return fault;
        }
        Map<String, String> annotations = template.getMetadata() == null ? null
                : template.getMetadata().getAnnotations();
        try {
            return Fault.parse(annotations == null ? null : annotations.get(Fault.ANNOTATION));
        } catch (IllegalArgumentException e) {
            LOG.warning(id + " " + version + ": ignoring its " + Fault.ANNOTATION + " annotation: " + e.getMessage());
            return Fault.NONE;
        }
    }

    /**
     * A version's name, as Rewind names it ({@link DeploymentRevisions#versionOf}: the first container's image tag or
     * digest); the image when it has neither.
     */
    static String versionOf(PodTemplateSpec template) {
        String version = DeploymentRevisions.versionOf(template);
        if (version != null) {
            return version;
        }
        List<Container> containers = template.getSpec() == null ? List.of() : template.getSpec().getContainers();
        return containers == null || containers.isEmpty() || containers.get(0).getImage() == null ? "unknown"
                : containers.get(0).getImage();
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
