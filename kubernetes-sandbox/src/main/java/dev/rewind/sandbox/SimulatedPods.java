package dev.rewind.sandbox;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The pods of the sandbox's ReplicaSets, as the ReplicaSet controller and the kubelets keep them: named
 * {@code <replica-set>-<5 characters>}, labelled and specified by the ReplicaSet's template, controlled by it, on node
 * {@value #NODE}. Each step pods beyond the ReplicaSet's replicas are deleted (those still starting first), pods that
 * started in an earlier step get their {@link PodStatuses#started} status, and missing ones are created starting: the
 * same arithmetic as {@link ReplicaSetCounts#settled}. Only what changed is written.
 */
final class SimulatedPods {

    static final String NODE = "sandbox-node";

    private final KubernetesClient client;
    private final Random random = new Random();

    SimulatedPods(KubernetesClient client) {
        this.client = client;
    }

    /** The pods of {@code namespace}, by the uid of the ReplicaSet controlling them. */
    Map<String, List<Pod>> byReplicaSet(String namespace) {
        return client.pods().inNamespace(namespace).list().getItems().stream()
                .filter(pod -> controllerUid(pod) != null)
                .collect(Collectors.groupingBy(SimulatedPods::controllerUid));
    }

    /** Brings {@code pods}, those of {@code replicaSet}, to {@code replicas} pods, one step further at {@code now}. */
    void step(ReplicaSet replicaSet, int replicas, List<Pod> pods, Instant now) {
        SimulatedVersion version = SimulatedVersion.of(replicaSet.getSpec().getTemplate());
        List<Pod> oldestFirst = pods.stream()
                .sorted(Comparator.comparing((Pod pod) -> PodStatuses.startTime(pod, now))
                        .thenComparing(pod -> pod.getMetadata().getName()))
                .toList();
        List<Pod> starting = new ArrayList<>(oldestFirst.stream().filter(PodStatuses::isStarting).toList());
        List<Pod> started = new ArrayList<>(oldestFirst.stream().filter(pod -> !PodStatuses.isStarting(pod)).toList());
        for (int extra = oldestFirst.size() - replicas; extra > 0; extra--) {
            List<Pod> youngestLast = starting.isEmpty() ? started : starting;
            delete(youngestLast.remove(youngestLast.size() - 1));
        }
        for (Pod pod : starting) {
            updateStatus(pod, version, now);
        }
        for (Pod pod : started) {
            if (PodStatuses.outdated(version, pod, now)) {
                updateStatus(pod, version, now);
            }
        }
        for (int missing = replicas - starting.size() - started.size(); missing > 0; missing--) {
            create(replicaSet, now);
        }
    }

    private void create(ReplicaSet replicaSet, Instant now) {
        var template = replicaSet.getSpec().getTemplate();
        Pod pod = new PodBuilder()
                .withNewMetadata()
                    .withName(replicaSet.getMetadata().getName() + "-" + suffix())
                    .withNamespace(replicaSet.getMetadata().getNamespace())
                    .withLabels(template.getMetadata().getLabels())
                    .withAnnotations(template.getMetadata().getAnnotations())
                    .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                            .withName(replicaSet.getMetadata().getName()).withUid(replicaSet.getMetadata().getUid())
                            .withController(true).withBlockOwnerDeletion(true).build())
                .endMetadata()
                .withSpec(new PodSpecBuilder(template.getSpec()).withNodeName(NODE).build())
                .build();
        pod.setStatus(PodStatuses.starting(pod.getSpec(), now));
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    private void updateStatus(Pod pod, SimulatedVersion version, Instant now) {
        pod.setStatus(PodStatuses.started(version, pod, now));
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    }

    private void delete(Pod pod) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
    }

    private String suffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(SimulatedDeploymentController.SAFE.charAt(
                    random.nextInt(SimulatedDeploymentController.SAFE.length())));
        }
        return suffix.toString();
    }

    private static String controllerUid(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners == null ? null : owners.stream().filter(o -> Boolean.TRUE.equals(o.getController())
                && "ReplicaSet".equals(o.getKind())).map(OwnerReference::getUid).findFirst().orElse(null);
    }
}
