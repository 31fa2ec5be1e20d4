package dev.rewind.executor.verification;

import dev.rewind.executor.kubernetes.KubernetesApi;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.LabelSelectors;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Reads a Deployment's pods and ReplicaSets: listed by its matchLabels on the server, then kept when its whole selector
 * matches (matchExpressions too, evaluated here as the sandbox's API server does not).
 */
@ApplicationScoped
public class DeploymentPods {

    private final KubernetesApi api;

    @Inject
    public DeploymentPods(KubernetesApi api) {
        this.api = api;
    }

    public List<Pod> pods(VerificationTarget target) {
        Map<String, String> matchLabels = matchLabels(target);
        return api.call(() -> target.client().pods().inNamespace(target.namespace()).withLabels(matchLabels).list()
                .getItems()).stream()
                .filter(pod -> LabelSelectors.matches(target.selector(), pod.getMetadata().getLabels()))
                .toList();
    }

    /** The ReplicaSets the Deployment controls (owner reference with its uid). */
    public List<ReplicaSet> replicaSets(VerificationTarget target) {
        Map<String, String> matchLabels = matchLabels(target);
        return api.call(() -> target.client().apps().replicaSets().inNamespace(target.namespace())
                .withLabels(matchLabels).list().getItems()).stream()
                .filter(rs -> DeploymentRevisions.controlledBy(rs, target.deployment()))
                .toList();
    }

    private static Map<String, String> matchLabels(VerificationTarget target) {
        return target.selector() == null || target.selector().getMatchLabels() == null ? Map.of()
                : target.selector().getMatchLabels();
    }
}
