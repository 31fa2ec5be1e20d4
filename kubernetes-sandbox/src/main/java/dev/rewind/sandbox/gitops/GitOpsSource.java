package dev.rewind.sandbox.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.sandbox.git.SandboxGit;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.Optional;

/**
 * Where a GitOps resource deploys from, read as its controller reads it (an Application's {@code spec.source}, a
 * Kustomization's {@code spec.path} and its GitRepository's url and branch), and what a Deployment looks like there:
 * its manifest among the files under the path, its images applied to the live pod template.
 */
record GitOpsSource(String repository, String branch, String path) {

    /** The repository URLs the sandbox's Git serves: {@code https://git.example/<owner>/<name>.git}. */
    static final String URL_PREFIX = "https://git.example/";

    /** The source of {@code owner}, when it deploys from a repository of the sandbox's Git. */
    static Optional<GitOpsSource> of(KubernetesClient client, GitOpsKind kind, GenericKubernetesResource owner) {
        if (kind == GitOpsKind.ARGO_CD_APPLICATION) {
            String url = owner.get("spec", "source", "repoURL");
            String revision = owner.get("spec", "source", "targetRevision");
            return repository(url).map(r -> new GitOpsSource(r, revision == null || revision.equals("HEAD") ? "main"
                    : revision, owner.get("spec", "source", "path")));
        }
        if (kind != GitOpsKind.FLUX_KUSTOMIZATION) {
            return Optional.empty();
        }
        String name = owner.get("spec", "sourceRef", "name");
        GenericKubernetesResource source = name == null ? null : client.genericKubernetesResources(
                GitOpsKind.FLUX_GIT_REPOSITORY.context()).inNamespace(owner.getMetadata().getNamespace())
                .withName(name).get();
        if (source == null) {
            return Optional.empty();
        }
        String branch = source.get("spec", "ref", "branch");
        return repository(source.get("spec", "url")).map(r -> new GitOpsSource(r, branch == null ? "main" : branch,
                owner.get("spec", "path")));
    }

    /**
     * {@code live} with the images of Deployment {@code name}'s manifest under this source's path at {@code commit},
     * or empty when no manifest there is that Deployment's.
     */
    Optional<PodTemplateSpec> desired(SandboxGit git, String commit, Deployment live) {
        return manifest(git, commit, "Deployment", live.getMetadata().getNamespace(), live.getMetadata().getName())
                .map(found -> {
                    Deployment manifest = Serialization.unmarshal(Serialization.asJson(found), Deployment.class);
                    PodTemplateSpec template = Serialization.clone(live.getSpec().getTemplate());
                    for (Container container : template.getSpec().getContainers()) {
                        manifest.getSpec().getTemplate().getSpec().getContainers().stream()
                                .filter(c -> c.getName().equals(container.getName())).findFirst()
                                .ifPresent(c -> container.setImage(c.getImage()));
                    }
                    return template;
                });
    }

    /** The manifest of {@code kind} {@code namespace/name} among the YAML files under this source's path. */
    Optional<GenericKubernetesResource> manifest(SandboxGit git, String commit, String kind, String namespace,
                                                 String name) {
        Map<String, String> files = git.files(repository, commit).orElse(Map.of());
        String dir = path.replaceAll("^\\./|^/|/$", "");
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().startsWith(dir + "/") || !file.getKey().matches(".*\\.ya?ml")) {
                continue;
            }
            GenericKubernetesResource manifest;
            try {
                manifest = Serialization.unmarshal(file.getValue(), GenericKubernetesResource.class);
            } catch (RuntimeException notAnObject) {
                continue;
            }
            if (manifest != null && kind.equals(manifest.getKind()) && manifest.getMetadata() != null
                    && name.equals(manifest.getMetadata().getName())
                    && namespace.equals(manifest.getMetadata().getNamespace())) {
                return Optional.of(manifest);
            }
        }
        return Optional.empty();
    }

    static Optional<String> repository(String url) {
        return url != null && url.startsWith(URL_PREFIX)
                ? Optional.of(url.substring(URL_PREFIX.length()).replaceAll("\\.git$", "")) : Optional.empty();
    }
}
