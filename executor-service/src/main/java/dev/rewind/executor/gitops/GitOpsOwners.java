package dev.rewind.executor.gitops;

import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.gitops.GitOpsOwnership.Found;
import dev.rewind.executor.gitops.GitOpsOwnership.Lookup;
import dev.rewind.executor.gitops.GitOpsOwnership.Missing;
import dev.rewind.executor.gitops.GitOpsOwnership.Unreadable;
import dev.rewind.executor.helm.HelmManifest;
import dev.rewind.executor.helm.HelmReleases;
import dev.rewind.executor.helm.ManifestObject;
import dev.rewind.executor.kubernetes.KubernetesApi;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the GitOps resource applying a target's Deployment in its cluster ({@link GitOpsOwnership}): reads only the
 * resources its marks name, so a Deployment without marks costs no call.
 */
@ApplicationScoped
public class GitOpsOwners {

    private final KubernetesApi api;
    private final ExecutorConfig.GitOps config;

    @Inject
    public GitOpsOwners(KubernetesApi api, ExecutorConfig config) {
        this.api = api;
        this.config = config.gitops();
    }

    /**
     * The owner of {@code observed}'s Deployment, as its cluster shows it now.
     *
     * @throws RollbackRefused when it is unknown or ambiguous
     */
    public GitOpsOwnership of(ObservedDeployment observed) {
        ObjectMeta metadata = observed.deployment().getMetadata();
        return GitOpsOwnership.settle(metadata.getNamespace(), metadata.getName(),
                GitOpsMarks.of(metadata, config.argoCdNamespace(), config.argoCdInstanceLabel()),
                (kind, namespace, name) -> read(observed.client(), kind, namespace, name));
    }

    /**
     * Where {@code owner} of {@code observed}'s Deployment deploys from, read now.
     *
     * @throws MethodUnavailable when Rewind cannot change it in Git ({@link GitOpsSource})
     */
    public GitOpsSource sourceOf(ObservedDeployment observed, GitOpsOwner owner) {
        KubernetesClient client = observed.client();
        GenericKubernetesResource resource = api.gitOpsResource(client, owner.kind(), owner.namespace(), owner.name());
        if (resource == null) {
            throw new MethodUnavailable(owner.kind().title() + " " + owner.namespace() + "/" + owner.name()
                    + " no longer exists");
        }
        var deployment = observed.deployment().getMetadata();
        if (!confirms(client, owner, resource, deployment.getNamespace(), deployment.getName())) {
            throw new MethodUnavailable(owner.describe() + " does not list deployment " + deployment.getNamespace()
                    + "/" + deployment.getName() + " among what it applies (" + (owner.kind()
                    == GitOpsKind.ARGO_CD_APPLICATION ? "status.resources" : keepsInventory(resource)
                    ? "status.inventory" : "the manifest of the Helm release in its status.history") + "): Rewind "
                    + "changes Git only for an owner that says it deploys the target");
        }
        return switch (owner.kind()) {
            case ARGO_CD_APPLICATION -> GitOpsSource.ofApplication(resource, config.defaultBranch());
            case FLUX_KUSTOMIZATION -> kustomizationSource(client, resource);
            case FLUX_HELM_RELEASE -> helmReleaseSource(client, owner, resource);
            case FLUX_GIT_REPOSITORY -> throw new MethodUnavailable(owner.describe() + " applies nothing");
        };
    }

    /**
     * The source of the Kustomization that applies HelmRelease {@code helmRelease} (named by its owner labels, and
     * listing it in its inventory): the HelmRelease's values are in its manifest there.
     */
    private GitOpsSource helmReleaseSource(KubernetesClient client, GitOpsOwner owner,
                                           GenericKubernetesResource helmRelease) {
        GitOpsKind parentKind = GitOpsKind.FLUX_KUSTOMIZATION;
        Map<String, String> labels = Objects.requireNonNullElse(helmRelease.getMetadata().getLabels(), Map.of());
        String name = labels.get(parentKind.ownerNameLabel());
        String namespace = labels.get(parentKind.ownerNamespaceLabel());
        if (name == null || namespace == null) {
            throw new MethodUnavailable(owner.describe() + " is not applied by a Flux Kustomization (no "
                    + parentKind.ownerNameLabel() + " label): its values are in no Git path Rewind can change");
        }
        GenericKubernetesResource parent = api.gitOpsResource(client, parentKind, namespace, name);
        String parentName = parentKind.title() + " " + namespace + "/" + name;
        if (parent == null || !GitOpsOwnership.lists(parent, helmRelease)) {
            throw new MethodUnavailable(owner.describe() + " is marked as applied by " + parentName + ", which "
                    + (parent == null ? "does not exist" : "does not list it in status.inventory") + ": its values "
                    + "are in no Git path Rewind can change");
        }
        if (!GitOpsOwner.of(parentKind, parent).reconciles()) {
            throw new MethodUnavailable(parentName + ", which applies " + owner.describe() + ", is suspended: a "
                    + "change in Git would not reach the HelmRelease");
        }
        return kustomizationSource(client, parent).applyingHelmRelease(parent);
    }

    private GitOpsSource kustomizationSource(KubernetesClient client, GenericKubernetesResource kustomization) {
        String kind = kustomization.get("spec", "sourceRef", "kind");
        String name = kustomization.get("spec", "sourceRef", "name");
        String namespace = Objects.requireNonNullElse(kustomization.get("spec", "sourceRef", "namespace"),
                kustomization.getMetadata().getNamespace());
        GenericKubernetesResource repository = !"GitRepository".equals(kind) || name == null ? null
                : api.gitOpsResource(client, GitOpsKind.FLUX_GIT_REPOSITORY, namespace, name);
        if (repository != null && Boolean.TRUE.equals(repository.get("spec", "suspend"))) {
            throw new MethodUnavailable("Flux GitRepository " + repository.getMetadata().getNamespace() + "/"
                    + repository.getMetadata().getName() + " is suspended: a change in Git would not be fetched");
        }
        return GitOpsSource.ofKustomization(kustomization, repository);
    }

    /** True when a Flux resource records what it applies ({@code status.inventory.entries}, even empty). */
    private static boolean keepsInventory(GenericKubernetesResource resource) {
        return resource.get("status", "inventory", "entries") != null;
    }

    /**
     * True when {@code owner} says it applies Deployment {@code namespace/name} ({@link GitOpsOwnership#confirms});
     * for a HelmRelease from a helm-controller that keeps no inventory (older versions), when the manifest of the
     * Helm release it last made ({@code status.history}) renders it.
     */
    private boolean confirms(KubernetesClient client, GitOpsOwner owner, GenericKubernetesResource resource,
                             String namespace, String name) {
        if (owner.kind() != GitOpsKind.FLUX_HELM_RELEASE || keepsInventory(resource)) {
            return GitOpsOwnership.confirms(owner.kind(), resource, namespace, name);
        }
        List<Map<String, Object>> history = resource.get("status", "history");
        if (history == null || history.isEmpty() || history.get(0).get("name") == null
                || !(history.get(0).get("version") instanceof Number version)) {
            return false;
        }
        String release = String.valueOf(history.get(0).get("name"));
        String own = resource.getMetadata().getNamespace();
        String releaseNamespace = String.valueOf(Objects.requireNonNullElse(history.get(0).get("namespace"),
                Objects.requireNonNullElse(resource.get("spec", "targetNamespace"), own)));
        // helm-controller stores releases in spec.storageNamespace, by default the HelmRelease's own namespace.
        String storage = Objects.requireNonNullElse(resource.get("status", "storageNamespace"),
                Objects.requireNonNullElse(resource.get("spec", "storageNamespace"), own));
        try {
            return new HelmReleases(api::call, client, storage).get(release, version.longValue())
                    .map(stored -> HelmManifest.parse(stored.release().manifest(), releaseNamespace).find(
                            new ManifestObject.Key("apps", "Deployment", namespace, name)).isPresent())
                    .orElse(false);
        } catch (KubernetesClientException e) {
            throw new MethodUnavailable("cannot read Helm release " + release + " (version " + version + ") in "
                    + storage + " to tell whether " + owner.describe() + " renders deployment " + namespace + "/"
                    + name + " (" + e.getCode() + " " + e.getMessage() + "): grant the executor get on Secrets there "
                    + "(docs/gitops.md), or run a helm-controller that keeps status.inventory");
        } catch (IllegalArgumentException e) {
            throw new MethodUnavailable("Helm release " + release + " (version " + version + ") in " + storage
                    + " cannot be read: " + e.getMessage());
        }
    }

    private Lookup read(KubernetesClient client, GitOpsKind kind, String namespace, String name) {
        try {
            GenericKubernetesResource resource = api.gitOpsResource(client, kind, namespace, name);
            return resource == null ? new Missing() : new Found(resource);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401 || e.getCode() == 403) {
                return new Unreadable("the Kubernetes API answered " + e.getCode() + " to reading " + kind.plural()
                        + "." + kind.group() + " " + namespace + "/" + name);
            }
            throw e;
        }
    }
}
