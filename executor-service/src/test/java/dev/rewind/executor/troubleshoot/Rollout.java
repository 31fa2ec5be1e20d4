package dev.rewind.executor.troubleshoot;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployment {@code shop/checkout} with its ReplicaSet {@code checkout-5d9} and whatever else a test adds, as the API
 * server would list them, for plain tests of the diagnosis. Objects are built with fabric8's builders.
 */
final class Rollout {

    static final Instant NOW = Instant.parse("2025-11-15T14:30:00Z");
    static final String DEPLOYMENT_UID = "d-uid";
    static final String RS = "checkout-5d9";
    static final String RS_UID = "rs-uid";
    static final String IMAGE = "registry.example/shop/checkout:v1.3.0";

    Deployment deployment = deployment().build();
    final List<ReplicaSet> replicaSets = new ArrayList<>(List.of(replicaSet(RS, RS_UID, DEPLOYMENT_UID)));
    final List<Pod> pods = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<PersistentVolumeClaim> claims = new ArrayList<>();
    final List<Service> services = new ArrayList<>();
    final List<Endpoints> endpoints = new ArrayList<>();
    final List<EndpointSlice> slices = new ArrayList<>();
    final List<Ingress> ingresses = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final Map<String, String> unread = new LinkedHashMap<>();

    Rollout pods(Pod... more) {
        pods.addAll(Arrays.asList(more));
        return this;
    }

    Rollout events(Event... more) {
        events.addAll(Arrays.asList(more));
        return this;
    }

    ClusterSnapshot snapshot() {
        return new ClusterSnapshot(deployment, replicaSets, pods, events, claims, services, endpoints, slices,
                ingresses, nodes, unread, NOW);
    }

    Diagnosis diagnose() {
        return new Diagnostician(Duration.ofMinutes(15), 10, 300).diagnose(snapshot());
    }

    static DeploymentBuilder deployment() {
        return new DeploymentBuilder()
                .withNewMetadata().withName("checkout").withNamespace("shop").withUid(DEPLOYMENT_UID)
                .withResourceVersion("42").endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", "checkout").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "checkout").endMetadata()
                .withNewSpec().addNewContainer().withName("checkout").withImage(IMAGE).endContainer().endSpec()
                .endTemplate().endSpec();
    }

    static ReplicaSet replicaSet(String name, String uid, String ownerUid) {
        return new ReplicaSetBuilder().withNewMetadata().withName(name).withNamespace("shop").withUid(uid)
                .addNewOwnerReference().withKind("Deployment").withName("checkout").withUid(ownerUid)
                .withController(true).endOwnerReference().endMetadata().build();
    }

    /** A pod of {@link #RS}, scheduled on node-1, running and ready unless the test changes it. */
    static PodBuilder pod(String name) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("shop")
                .addToLabels("app", "checkout").addToLabels("pod-template-hash", "5d9")
                .addNewOwnerReference().withKind("ReplicaSet").withName(RS).withUid(RS_UID).withController(true)
                .endOwnerReference().endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("checkout").withImage(IMAGE)
                .endContainer().endSpec()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addToContainerStatuses(running(true))
                .endStatus();
    }

    static Pod waitingPod(String name, String reason, String message) {
        return pod(name).editStatus().withContainerStatuses(waiting(reason, message)).withPhase("Pending")
                .endStatus().build();
    }

    static ContainerStatus running(boolean ready) {
        return new ContainerStatusBuilder().withName("checkout").withImage(IMAGE).withReady(ready)
                .withRestartCount(0).withNewState().withNewRunning().withStartedAt("2025-11-15T14:20:00Z")
                .endRunning().endState().build();
    }

    static ContainerStatus waiting(String reason, String message) {
        return new ContainerStatusBuilder().withName("checkout").withImage(IMAGE).withReady(false)
                .withRestartCount(0).withNewState().withNewWaiting().withReason(reason).withMessage(message)
                .endWaiting().endState().build();
    }

    /** A Warning event about {@code kind}/{@code name} last seen {@code ago} before {@link #NOW}. */
    static Event warning(String kind, String name, String reason, String message, Duration ago, int count) {
        return event("Warning", kind, name, reason, message, ago, count);
    }

    static Event event(String type, String kind, String name, String reason, String message, Duration ago,
                       int count) {
        return new EventBuilder().withNewMetadata().withName(name + "." + Math.abs((reason + message).hashCode()))
                .withNamespace("shop").endMetadata()
                .withType(type).withReason(reason).withMessage(message).withCount(count)
                .withNewInvolvedObject().withKind(kind).withName(name).withNamespace("shop").endInvolvedObject()
                .withFirstTimestamp(NOW.minus(ago).minus(Duration.ofMinutes(1)).toString())
                .withLastTimestamp(NOW.minus(ago).toString())
                .build();
    }

    static Service service(String name, Map<String, String> selector) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withSelector(selector).addNewPort().withPort(80).endPort().endSpec().build();
    }

    static Endpoints endpoints(String service, int ready, int notReady) {
        EndpointsBuilder builder = new EndpointsBuilder().withNewMetadata().withName(service).withNamespace("shop")
                .endMetadata();
        var subset = builder.addNewSubset();
        for (int i = 0; i < ready; i++) {
            subset.addNewAddress().withIp("10.0.0." + i).endAddress();
        }
        for (int i = 0; i < notReady; i++) {
            subset.addNewNotReadyAddress().withIp("10.0.1." + i).endNotReadyAddress();
        }
        return subset.endSubset().build();
    }

    static EndpointSlice slice(String service, Boolean... readiness) {
        EndpointSliceBuilder builder = new EndpointSliceBuilder().withNewMetadata().withName(service + "-abcde")
                .withNamespace("shop").addToLabels(TrafficClues.SERVICE_NAME, service).endMetadata()
                .withAddressType("IPv4");
        for (Boolean ready : readiness) {
            builder.addNewEndpoint().withAddresses("10.0.0.1").withNewConditions().withReady(ready).endConditions()
                    .endEndpoint();
        }
        return builder.build();
    }

    /** An Ingress routing to {@code service}, with {@code address} as its load balancer's (null: none yet). */
    static Ingress ingress(String name, String service, String address) {
        IngressBuilder builder = new IngressBuilder().withNewMetadata().withName(name).withNamespace("shop")
                .endMetadata()
                .withNewSpec().withIngressClassName("nginx").addNewRule().withHost("shop.example").withNewHttp()
                .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService()
                .withName(service).withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                .endHttp().endRule().endSpec();
        if (address != null) {
            builder.withNewStatus().withNewLoadBalancer().addNewIngress().withIp(address).endIngress()
                    .endLoadBalancer().endStatus();
        }
        return builder.build();
    }

    static PersistentVolumeClaim claim(String name, String phase) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withStorageClassName("fast").withVolumeName("pv-" + name).endSpec()
                .withNewStatus().withPhase(phase).endStatus().build();
    }

    static Node node(String name, String conditionType, String status, String message) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewStatus().addNewCondition().withType(conditionType).withStatus(status).withMessage(message)
                .endCondition().endStatus().build();
    }
}
