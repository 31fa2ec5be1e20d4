package dev.rewind.executor.gitops;

import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.gitops.GitOpsOwnership.Found;
import dev.rewind.executor.gitops.GitOpsOwnership.Lookup;
import dev.rewind.executor.gitops.GitOpsOwnership.Missing;
import dev.rewind.executor.gitops.GitOpsOwnership.Unreadable;
import dev.rewind.executor.kubernetes.KubernetesApi;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
        GenericKubernetesResource resource = api.call(() -> client.genericKubernetesResources(owner.kind().context())
                .inNamespace(owner.namespace()).withName(owner.name()).get());
        if (resource == null) {
            throw new MethodUnavailable(owner.kind().title() + " " + owner.namespace() + "/" + owner.name()
                    + " no longer exists");
        }
        var deployment = observed.deployment().getMetadata();
        if (!GitOpsOwnership.confirms(owner.kind(), resource, deployment.getNamespace(), deployment.getName())) {
            throw new MethodUnavailable(owner.describe() + " does not list deployment " + deployment.getNamespace()
                    + "/" + deployment.getName() + " among what it applies (" + (owner.kind()
                    == GitOpsKind.ARGO_CD_APPLICATION ? "status.resources" : "status.inventory") + "): Rewind changes "
                    + "Git only for an owner that says it deploys the target");
        }
        if (owner.kind() == GitOpsKind.ARGO_CD_APPLICATION) {
            return GitOpsSource.ofApplication(resource, config.defaultBranch());
        }
        if (owner.kind() != GitOpsKind.FLUX_KUSTOMIZATION) {
            throw new MethodUnavailable(owner.describe() + " renders a Helm chart: Rewind does not change its "
                    + "values in Git yet");
        }
        String kind = resource.get("spec", "sourceRef", "kind");
        String name = resource.get("spec", "sourceRef", "name");
        String namespace = resource.get("spec", "sourceRef", "namespace");
        GenericKubernetesResource repository = !"GitRepository".equals(kind) || name == null ? null
                : api.call(() -> client.genericKubernetesResources(GitOpsKind.FLUX_GIT_REPOSITORY.context())
                .inNamespace(namespace == null ? owner.namespace() : namespace).withName(name).get());
        if (repository != null && Boolean.TRUE.equals(repository.get("spec", "suspend"))) {
            throw new MethodUnavailable("Flux GitRepository " + repository.getMetadata().getNamespace() + "/"
                    + repository.getMetadata().getName() + " is suspended: a change in Git would not be fetched");
        }
        return GitOpsSource.ofKustomization(resource, repository);
    }

    private Lookup read(KubernetesClient client, GitOpsKind kind, String namespace, String name) {
        try {
            GenericKubernetesResource resource = api.call(() -> client.genericKubernetesResources(kind.context())
                    .inNamespace(namespace).withName(name).get());
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
