package dev.rewind.executor.verification;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Pods, Services, Endpoints and Events as a cluster shows them, for the verification tests. */
public final class ClusterObjects {

    private ClusterObjects() {
    }

    /** Pod {@code name} labelled {@code app=<app>}, with one container {@code app}, created at {@code created}. */
    public static Pod pod(String namespace, String name, String app, Instant created, PodStatus status) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(Map.of("app", app))
                .withCreationTimestamp(created.toString()).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("registry.example/" + app + ":v1")
                .endContainer().endSpec()
                .withStatus(status)
                .build();
    }

    public static PodStatus running(boolean ready) {
        return new PodStatusBuilder().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .withContainerStatuses(container(ready, null)).build();
    }

    /** Running, its container restarting again and again. */
    public static PodStatus crashLooping() {
        return new PodStatusBuilder().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("False").endCondition()
                .withContainerStatuses(container(false, "CrashLoopBackOff")).build();
    }

    public static PodStatus unschedulable() {
        return new PodStatusBuilder().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient memory.").endCondition()
                .build();
    }

    private static ContainerStatus container(boolean ready, String waiting) {
        ContainerStatusBuilder status = new ContainerStatusBuilder().withName("app").withReady(ready)
                .withRestartCount(waiting == null ? 0 : 4);
        if (waiting != null) {
            status.withNewState().withNewWaiting().withReason(waiting)
                    .withMessage("back-off 2m40s restarting failed container").endWaiting().endState();
        } else {
            status.withNewState().withNewRunning().endRunning().endState();
        }
        return status.build();
    }

    /** Service {@code name} selecting {@code app=<app>}. */
    public static Service service(String namespace, String name, String app) {
        return new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withSelector(Map.of("app", app)).addNewPort().withPort(80).endPort().endSpec()
                .build();
    }

    /** Endpoints of Service {@code name}: {@code ready} ready addresses and {@code notReady} others. */
    public static Endpoints endpoints(String namespace, String name, int ready, int notReady) {
        var subset = new EndpointsBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addNewSubset();
        for (int i = 0; i < ready; i++) {
            subset.addNewAddress().withIp("10.0.0." + (i + 1)).endAddress();
        }
        for (int i = 0; i < notReady; i++) {
            subset.addNewNotReadyAddress().withIp("10.0.1." + (i + 1)).endNotReadyAddress();
        }
        return subset.addNewPort().withPort(8080).endPort().endSubset().build();
    }

    /** An event of {@code type} about {@code kind/name}, last seen at {@code lastSeen}. */
    public static Event event(String namespace, String type, String kind, String name, String reason, String message,
                              Instant lastSeen) {
        return new EventBuilder()
                .withNewMetadata().withName(name + "." + UUID.randomUUID().toString().substring(0, 8))
                .withNamespace(namespace).endMetadata()
                .withType(type).withReason(reason).withMessage(message)
                .withNewInvolvedObject().withKind(kind).withName(name).withNamespace(namespace).endInvolvedObject()
                .withFirstTimestamp(lastSeen.minusSeconds(30).toString()).withLastTimestamp(lastSeen.toString())
                .withCount(3)
                .build();
    }
}
