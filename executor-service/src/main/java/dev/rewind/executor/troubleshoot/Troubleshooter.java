package dev.rewind.executor.troubleshoot;

import dev.rewind.events.TargetKey;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.kubernetes.KubernetesApi;
import dev.rewind.executor.kubernetes.TargetClusters;
import dev.rewind.platform.environment.Environment;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** kubectl rollout restart and the reading of why a rollout is stuck. */
@ApplicationScoped
public class Troubleshooter {

    private static final Logger LOG = Logger.getLogger(Troubleshooter.class);
    private static final int CONFLICT = 409;

    private final TargetClusters clusters;
    private final KubernetesApi api;
    private final TroubleshootConfig config;
    private final Diagnostician diagnostician;

    @Inject
    public Troubleshooter(TargetClusters clusters, KubernetesApi api, TroubleshootConfig config) {
        this.clusters = clusters;
        this.api = api;
        this.config = config;
        this.diagnostician = new Diagnostician(config.eventWindow(), config.maxFindings(), config.maxDetailLength());
    }

    /**
     * {@code kubectl rollout restart deployment/X} as kubectl does it: refuses a paused Deployment in kubectl's words;
     * otherwise sets the pod template's {@code kubectl.kubernetes.io/restartedAt} to {@code at} (RFC 3339) with one
     * JSON patch, a compare-and-set on the resourceVersion read just before. A Deployment already carrying that very
     * value is not patched again: called again with the same {@code at} (a resumed execution), it restarts once.
     *
     * @return the restartedAt value written
     */
    public String restart(TargetKey target, Instant at) {
        Environment environment = clusters.environment(target);
        KubernetesClient client = clusters.client(environment);
        String restartedAt = RolloutRestart.timestamp(at);
        for (int attempt = 1; ; attempt++) {
            Deployment deployment = api.deployment(client, target.namespace(), target.service());
            TargetClusters.requireLabels(environment, deployment);
            RolloutRestart.refusal(deployment).ifPresent(reason -> {
                throw new RollbackRefused(reason);
            });
            if (RolloutRestart.restartedAt(deployment).filter(restartedAt::equals).isPresent()) {
                LOG.infof("deployment %s/%s already restarted at %s", target.namespace(), target.service(),
                        restartedAt);
                return restartedAt;
            }
            try {
                api.patch(client, target.namespace(), target.service(),
                        RolloutRestart.patch(deployment, restartedAt));
                return restartedAt;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT) {
                    throw e;
                }
                if (attempt >= config.conflictAttempts()) {
                    throw new RollbackRefused("deployment " + target.namespace() + "/" + target.service()
                            + " kept changing while Rewind was restarting it (" + attempt + " conflicting writes); "
                            + "find what keeps writing it, then run kubectl rollout restart by hand");
                }
            }
        }
    }

    /**
     * What the cluster says is wrong with the target's rollout, read now. A resource the executor may not read
     * (403) or that keeps failing is reported as a finding rather than failing the diagnosis; only a missing
     * Deployment or environment refuses. Events are listed for the whole namespace and picked here: the fabric8
     * mock matches no involvedObject field selector.
     */
    public Diagnosis diagnose(TargetKey target) {
        KubernetesClient client = clusters.client(clusters.environment(target));
        String namespace = target.namespace();
        Deployment deployment = api.deployment(client, namespace, target.service());
        LabelSelector selector = deployment.getSpec().getSelector();
        Map<String, String> unread = new LinkedHashMap<>();
        Reader read = new Reader(unread);
        List<Pod> pods = read.list("pods",
                () -> client.pods().inNamespace(namespace).withLabelSelector(selector).list().getItems());
        ClusterSnapshot snapshot = new ClusterSnapshot(deployment,
                read.list("replicasets", () -> api.replicaSets(client, deployment)),
                pods,
                read.list("events", () -> client.v1().events().inNamespace(namespace).list().getItems()),
                read.list("persistentvolumeclaims",
                        () -> client.persistentVolumeClaims().inNamespace(namespace).list().getItems()),
                read.list("services", () -> client.services().inNamespace(namespace).list().getItems()),
                read.list("endpoints", () -> client.endpoints().inNamespace(namespace).list().getItems()),
                read.list("endpointslices",
                        () -> client.discovery().v1().endpointSlices().inNamespace(namespace).list().getItems()),
                read.list("ingresses",
                        () -> client.network().v1().ingresses().inNamespace(namespace).list().getItems()),
                config.readNodes() ? nodes(client, pods, read) : List.of(),
                unread, Instant.now());
        return diagnostician.diagnose(snapshot);
    }

    /** The nodes hosting {@code pods}, read one by one (never a large cluster's whole list), as many as findings. */
    private List<Node> nodes(KubernetesClient client, List<Pod> pods, Reader read) {
        List<Node> nodes = new ArrayList<>();
        for (String name : NodeClues.hosts(pods).keySet().stream().limit(config.maxFindings()).toList()) {
            nodes.addAll(read.list("nodes", () -> {
                Node node = client.nodes().withName(name).get();
                return node == null ? List.of() : List.of(node);
            }));
        }
        return nodes;
    }

    /** Reads through the retry policy; what still fails is noted as unread instead of failing the diagnosis. */
    private final class Reader {

        private final Map<String, String> unread;

        Reader(Map<String, String> unread) {
            this.unread = unread;
        }

        <T> List<T> list(String resource, Supplier<List<T>> request) {
            try {
                return Objects.requireNonNullElse(api.call(request), List.of());
            } catch (KubernetesClientException e) {
                LOG.warnf("diagnosis could not read %s: %s", resource, e.getMessage());
                unread.put(resource, why(e));
                return List.of();
            }
        }
    }

    private static String why(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getCode() + ": " + e.getStatus().getMessage();
        }
        return e.getCode() > 0 ? "HTTP " + e.getCode() : String.valueOf(e.getMessage());
    }
}
