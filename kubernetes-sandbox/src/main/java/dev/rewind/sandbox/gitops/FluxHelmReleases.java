package dev.rewind.sandbox.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.sandbox.git.SandboxGit;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stand-in for the two Flux controllers between Git and a chart's Deployment: kustomize-controller applies the
 * HelmRelease manifest found under its Kustomization's path (only the values Git holds for it, so a suspension or an
 * annotation set in the cluster stays, as with server-side apply), and helm-controller renders the values' image
 * ({@code image.repository} and {@code image.tag}) into the Deployment's pod template.
 */
final class FluxHelmReleases {

    private FluxHelmReleases() {
    }

    /**
     * Applies {@code helmRelease} as its Kustomization (named by its owner labels) would from the commit its
     * GitRepository fetched ({@code fetched}: {@code namespace/name} to commit): its {@code spec.values} set to those in
     * Git when they differ (a new generation); nothing when no Kustomization of the sandbox's Git applies it, it is
     * suspended, or its source fetched nothing yet.
     */
    static void applyFromGit(KubernetesClient client, SandboxGit git, GenericKubernetesResource helmRelease,
                             Map<String, String> fetched, Instant now) {
        Map<String, String> labels = Objects.requireNonNullElse(helmRelease.getMetadata().getLabels(), Map.of());
        GitOpsKind parentKind = GitOpsKind.FLUX_KUSTOMIZATION;
        if (!labels.containsKey(parentKind.ownerNameLabel())) {
            return;
        }
        GenericKubernetesResource kustomization = client.genericKubernetesResources(parentKind.context())
                .inNamespace(labels.get(parentKind.ownerNamespaceLabel())).withName(labels.get(
                        parentKind.ownerNameLabel())).get();
        if (kustomization == null || Boolean.TRUE.equals(kustomization.get("spec", "suspend"))) {
            return;
        }
        String namespace = helmRelease.getMetadata().getNamespace();
        String name = helmRelease.getMetadata().getName();
        String commit = fetched.get(Objects.requireNonNullElse(kustomization.<String>get("spec", "sourceRef",
                "namespace"), kustomization.getMetadata().getNamespace()) + "/" + kustomization.get("spec",
                "sourceRef", "name"));
        Optional<GenericKubernetesResource> manifest = commit == null ? Optional.empty() : GitOpsSource.of(client,
                parentKind, kustomization).flatMap(source -> source.manifest(git, commit,
                GitOpsKind.FLUX_HELM_RELEASE.kind(), namespace, name));
        if (manifest.isEmpty()) {
            return;
        }
        Object values = manifest.get().get("spec", "values");
        if (!Objects.equals(values, helmRelease.get("spec", "values"))) {
            client.genericKubernetesResources(GitOpsKind.FLUX_HELM_RELEASE.context()).inNamespace(namespace)
                    .withName(name).edit(r -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> spec = new HashMap<>((Map<String, Object>) r.getAdditionalProperties()
                                .get("spec"));
                        spec.put("values", values);
                        r.getAdditionalProperties().put("spec", spec);
                        return r;
                    });
        }
        FluxStatus.write(client, kustomization, FluxStatus.inventoryId(namespace, name,
                GitOpsKind.FLUX_HELM_RELEASE.group(), GitOpsKind.FLUX_HELM_RELEASE.kind()), commit, now);
    }

    /**
     * {@code live} with the image {@code helmRelease}'s values name, in each container running that repository; empty
     * when the values name no image.
     */
    static Optional<PodTemplateSpec> rendered(GenericKubernetesResource helmRelease, PodTemplateSpec live) {
        String repository = helmRelease.get("spec", "values", "image", "repository");
        Object tag = helmRelease.get("spec", "values", "image", "tag");
        if (repository == null || tag == null) {
            return Optional.empty();
        }
        PodTemplateSpec template = Serialization.clone(live);
        for (Container container : template.getSpec().getContainers()) {
            if (container.getImage() != null && container.getImage().startsWith(repository + ":")) {
                container.setImage(repository + ":" + tag);
            }
        }
        return Optional.of(template);
    }

    /** The revision standing for what helm-controller last rendered: the HelmRelease's generation. */
    static String revision(GenericKubernetesResource helmRelease) {
        return "generation " + helmRelease.getMetadata().getGeneration();
    }
}
