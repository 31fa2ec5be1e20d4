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
 * The status Flux's controllers write (through the status subresource): on a Kustomization the objects it
 * applies (inventory), the revision it last applied ({@code main@sha1:<id>}) and a Ready condition; on a HelmRelease
 * the objects its release renders, the generation it observed and a Ready condition; on a GitRepository the artifact
 * it fetched.
 */
final class FluxStatus {

    private FluxStatus() {
    }

    /**
     * Writes {@code kustomization}'s status for {@code revision}, with object {@code id} ({@link #inventoryId}) in its
     * inventory, only when it changed or its spec did (a new generation, observed as the real controller does).
     */
    static void write(KubernetesClient client, GenericKubernetesResource kustomization, String id, String revision,
                      Instant now) {
        String applied = "main@sha1:" + revision;
        List<Map<String, Object>> entries = inventory(kustomization);
        boolean listed = entries.stream().anyMatch(entry -> id.equals(entry.get("id")));
        if (listed && observedCurrent(kustomization)
                && Objects.equals(applied, kustomization.get("status", "lastAppliedRevision"))) {
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
     * Writes {@code helmRelease}'s status once its release renders Deployment {@code namespace/name} at its current
     * generation, only when that is new (helm-controller's inventory, observedGeneration and Ready).
     */
    static void writeHelmRelease(KubernetesClient client, GenericKubernetesResource helmRelease, String namespace,
                                 String name, Instant now) {
        List<Map<String, Object>> entries = inventory(helmRelease);
        String id = inventoryId(namespace, name, "apps", "Deployment");
        boolean listed = entries.stream().anyMatch(entry -> id.equals(entry.get("id")));
        if (listed && observedCurrent(helmRelease)) {
            return;
        }
        if (!listed) {
            entries.add(Map.of("id", id, "v", "v1"));
        }
        long generation = Objects.requireNonNullElse(helmRelease.getMetadata().getGeneration(), 1L);
        helmRelease.getAdditionalProperties().put("status", Map.of(
                "inventory", Map.of("entries", entries),
                "observedGeneration", generation, "lastAttemptedGeneration", generation,
                "conditions", List.of(Map.of("type", "Ready", "status", "True", "reason", "UpgradeSucceeded",
                        "message", "Helm upgrade succeeded for release " + namespace + "/" + name,
                        "lastTransitionTime", now.toString()))));
        client.genericKubernetesResources(GitOpsKind.FLUX_HELM_RELEASE.context())
                .inNamespace(helmRelease.getMetadata().getNamespace()).resource(helmRelease).updateStatus();
    }

    /** Flux's inventory id of an object: {@code <namespace>_<name>_<group>_<kind>}. */
    static String inventoryId(String namespace, String name, String group, String kind) {
        return namespace + "_" + name + "_" + group + "_" + kind;
    }

    private static List<Map<String, Object>> inventory(GenericKubernetesResource resource) {
        return new ArrayList<>(Objects.requireNonNullElse(resource.get("status", "inventory", "entries"), List.of()));
    }

    private static boolean observedCurrent(GenericKubernetesResource resource) {
        Object observed = resource.get("status", "observedGeneration");
        return observed != null && Objects.equals(((Number) observed).longValue(),
                resource.getMetadata().getGeneration());
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
