package dev.rewind.executor.troubleshoot;

import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.LabelSelectors;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what was read of a rollout's objects into the findings people read: picks the Deployment's own objects out of
 * the lists, asks each kind of object what is wrong, tells each thing once (one finding for many pods saying the
 * same), most important first, at most {@code maxFindings}, each detail at most {@code maxDetailLength} long. Pure.
 */
public final class Diagnostician {

    private static final String ELLIPSIS = "…";
    /** Fewer of the cluster's words than this say nothing: then the detail is cut wherever the limit falls. */
    private static final int MIN_WORDS = 20;

    private final Duration eventWindow;
    private final int maxFindings;
    private final int maxDetailLength;

    public Diagnostician(Duration eventWindow, int maxFindings, int maxDetailLength) {
        this.eventWindow = eventWindow;
        this.maxFindings = maxFindings;
        this.maxDetailLength = maxDetailLength;
    }

    /** What {@code snapshot} says is wrong with its Deployment's rollout. */
    public Diagnosis diagnose(ClusterSnapshot snapshot) {
        Deployment deployment = snapshot.deployment();
        List<ReplicaSet> replicaSets = snapshot.replicaSets().stream()
                .filter(rs -> DeploymentRevisions.controlledBy(rs, deployment)).toList();
        List<Pod> pods = podsOf(deployment, replicaSets, snapshot.pods());
        List<Event> warnings = EventClues.recentWarnings(snapshot.events(), snapshot.now(), eventWindow);
        Set<String> claims = ClaimClues.mounted(deployment, pods);
        List<Service> services = TrafficClues.selecting(deployment, snapshot.services());
        List<Ingress> ingresses = TrafficClues.routingTo(services, snapshot.ingresses());

        List<Clue> clues = new ArrayList<>(DeploymentClues.of(deployment));
        clues.addAll(PodClues.of(pods, warnings));
        clues.addAll(NodeClues.of(snapshot.nodes(), pods));
        if (snapshot.read("persistentvolumeclaims")) {
            clues.addAll(ClaimClues.of(claims, snapshot.claims(), warnings));
        }
        clues.addAll(TrafficClues.endpoints(services, snapshot.endpoints(), snapshot.endpointSlices(),
                snapshot.read("endpoints"), snapshot.read("endpointslices")));
        clues.addAll(TrafficClues.addresses(ingresses));
        Set<EventClues.About> about = about(deployment, replicaSets, pods, claims, services, ingresses);
        clues.addAll(EventClues.of(warnings, about, List.copyOf(clues)));
        snapshot.unread().forEach((resource, why) -> clues.add(new Clue(Finding.Kind.NOT_READ, resource,
                "could not be read (" + why + ")",
                "The diagnosis could not look there; if it is forbidden, let the executor read " + resource
                        + " (k8s/base/executor-rbac.yaml).")));
        return new Diagnosis(findings(clues));
    }

    /**
     * The pods matching the Deployment's whole selector whose controller, if any, is one of its ReplicaSets (a pod
     * without one is adopted by the ReplicaSet whose selector it matches).
     */
    static List<Pod> podsOf(Deployment deployment, List<ReplicaSet> replicaSets, List<Pod> pods) {
        Set<String> owners = new HashSet<>();
        replicaSets.forEach(rs -> owners.add(rs.getMetadata().getUid()));
        return pods.stream()
                .filter(p -> LabelSelectors.matches(deployment.getSpec().getSelector(), p.getMetadata().getLabels()))
                .filter(p -> controllerOf(p) == null || ("ReplicaSet".equals(controllerOf(p).getKind())
                        && owners.contains(controllerOf(p).getUid())))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
    }

    private List<Finding> findings(List<Clue> clues) {
        Map<Clue, List<String>> grouped = new LinkedHashMap<>();
        for (Clue clue : clues) {
            grouped.computeIfAbsent(new Clue(clue.kind(), "", clue.words(), clue.advice()), k -> new ArrayList<>())
                    .add(clue.subject());
        }
        return grouped.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().kind()))
                .limit(maxFindings)
                .map(e -> new Finding(e.getKey().kind(), Subjects.merge(e.getValue().stream().distinct().toList()),
                        detail(e.getKey().words(), e.getKey().advice())))
                .toList();
    }

    /** The words, shortened so that the detail fits, then the advice whole; only a tiny limit cuts the advice. */
    private String detail(String words, String advice) {
        String sentence = words.strip();
        sentence = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        String full = sentence + ". " + advice;
        if (full.length() <= maxDetailLength) {
            return full;
        }
        int room = maxDetailLength - advice.length() - 2 - ELLIPSIS.length();
        if (room >= MIN_WORDS) {
            return sentence.substring(0, room).strip() + ELLIPSIS + ". " + advice;
        }
        return full.substring(0, maxDetailLength - ELLIPSIS.length()) + ELLIPSIS;
    }

    private static Set<EventClues.About> about(Deployment deployment, List<ReplicaSet> replicaSets, List<Pod> pods,
                                               Set<String> claims, List<Service> services, List<Ingress> ingresses) {
        Set<EventClues.About> about = new HashSet<>();
        about.add(new EventClues.About("Deployment", deployment.getMetadata().getName()));
        replicaSets.forEach(rs -> about.add(new EventClues.About("ReplicaSet", rs.getMetadata().getName())));
        pods.forEach(p -> about.add(new EventClues.About("Pod", p.getMetadata().getName())));
        claims.forEach(c -> about.add(new EventClues.About("PersistentVolumeClaim", c)));
        services.forEach(s -> about.add(new EventClues.About("Service", s.getMetadata().getName())));
        ingresses.forEach(i -> about.add(new EventClues.About("Ingress", i.getMetadata().getName())));
        return about;
    }

    private static OwnerReference controllerOf(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners == null ? null
                : owners.stream().filter(o -> Boolean.TRUE.equals(o.getController())).findFirst().orElse(null);
    }
}
