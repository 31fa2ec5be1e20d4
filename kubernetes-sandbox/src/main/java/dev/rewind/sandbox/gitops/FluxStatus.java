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
     * inventory, only when it changed or its spec did (a new generation, observed as the real controller does).
     */
    static void write(KubernetesClient client, GenericKubernetesResource kustomization, String namespace, String name,
                      String revision, Instant now) {
        String applied = "main@sha1:" + revision;
        List<Map<String, Object>> entries = new ArrayList<>(Objects.requireNonNullElse(
                kustomization.get("status", "inventory", "entries"), List.of()));
        String id = namespace + "_" + name + "_apps_Deployment";
        boolean listed = entries.stream().anyMatch(entry -> id.equals(entry.get("id")));
        Object observed = kustomization.get("status", "observedGeneration");
        boolean current = observed != null && Objects.equals(((Number) observed).longValue(),
                kustomization.getMetadata().getGeneration());
        if (listed && current && Objects.equals(applied, kustomization.get("status", "lastAppliedRevision"))) {
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

    /**
     * Writes the artifact source-controller fetched for {@code repository} ({@code status.artifact.revision},
     * {@code <branch>@sha1:<id>}), only when it changed.
     */
    static void writeArtifact(KubernetesClient client, GenericKubernetesResource repository, String branch,
                              String head) {
        String revision = branch + "@sha1:" + head;
        if (revision.equals(repository.get("status", "artifact", "revision"))) {
            return;
        }
        repository.getAdditionalProperties().put("status", Map.of("artifact", Map.of("revision", revision)));
        client.genericKubernetesResources(GitOpsKind.FLUX_GIT_REPOSITORY.context())
                .inNamespace(repository.getMetadata().getNamespace()).resource(repository).updateStatus();
    }
}
