package dev.rewind.sandbox.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The status kustomize-controller writes on a Kustomization (through its status subresource): the objects it applies
 * (inventory), the revision it last applied ({@code main@sha1:<id>}) and a Ready condition.
 */
final class FluxStatus {

    private FluxStatus() {
    }

    /**
     * Writes {@code kustomization}'s status for {@code revision}, with Deployment {@code namespace/name} in its
     * inventory, only when it changed.
     */
    static void write(KubernetesClient client, GenericKubernetesResource kustomization, String namespace, String name,
                      String revision, Instant now) {
        String applied = "main@sha1:" + revision;
        List<Map<String, Object>> entries = new ArrayList<>(Objects.requireNonNullElse(
                kustomization.get("status", "inventory", "entries"), List.of()));
        String id = namespace + "_" + name + "_apps_Deployment";
        boolean listed = entries.stream().anyMatch(entry -> id.equals(entry.get("id")));
        if (listed && Objects.equals(applied, kustomization.get("status", "lastAppliedRevision"))) {
            return;
        }
        if (!listed) {
            entries.add(Map.of("id", id, "v", "v1"));
        }
        kustomization.getAdditionalProperties().put("status", Map.of(
                "inventory", Map.of("entries", entries),
                "lastAppliedRevision", applied, "lastAttemptedRevision", applied,
                "observedGeneration", Objects.requireNonNullElse(kustomization.getMetadata().getGeneration(), 1L),
                "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "ReconciliationSucceeded",
                        "message", "Applied revision: " + applied, "lastTransitionTime", now.toString()))));
        client.genericKubernetesResources(GitOpsKind.FLUX_KUSTOMIZATION.context())
                .inNamespace(kustomization.getMetadata().getNamespace()).resource(kustomization).updateStatus();
    }
}
