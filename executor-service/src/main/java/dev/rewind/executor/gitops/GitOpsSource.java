package dev.rewind.executor.gitops;

import dev.rewind.executor.domain.MethodUnavailable;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * Where a GitOps resource deploys from: repository URL, branch and path, as its controller reads them (an Argo CD
 * Application's {@code spec.source}; a Flux Kustomization's {@code spec.path} and its GitRepository's url and
 * {@code ref.branch}; for a Flux HelmRelease, those of the Kustomization applying its manifest, values included).
 * Only a branch can take a change: a source pinned to a tag or commit, a Helm chart repository or several sources
 * cannot be rolled back through Git by Rewind.
 *
 * @param fluxRepository the Flux GitRepository, {@code namespace/name}; null for Argo CD
 * @param fluxKustomization the Kustomization applying a HelmRelease, {@code namespace/name}; null for other owners
 */
public record GitOpsSource(String repositoryUrl, String branch, String path, String fluxRepository,
                           String fluxKustomization) {

    /** The path relative to the repository's root: {@code ./apps/}, {@code /apps} and {@code apps} alike; "" for the root. */
    public GitOpsSource {
        path = path == null ? "" : path.strip().replaceAll("^(\\./|/)+|/+$", "");
        if (path.equals(".")) {
            path = "";
        }
    }

    /**
     * The source of Application {@code application}; {@code defaultBranch} when it tracks HEAD.
     *
     * @throws MethodUnavailable when it deploys from several sources, a Helm chart repository or a fixed revision
     */
    @SuppressWarnings("unchecked")
    public static GitOpsSource ofApplication(GenericKubernetesResource application, String defaultBranch) {
        String named = "Argo CD Application " + application.getMetadata().getNamespace() + "/"
                + application.getMetadata().getName();
        List<?> sources = application.get("spec", "sources");
        if (sources != null && !sources.isEmpty()) {
            throw new MethodUnavailable(named + " deploys from several sources: Rewind cannot tell which one to change");
        }
        Map<String, Object> source = application.get("spec", "source");
        if (source == null || source.get("repoURL") == null) {
            throw new MethodUnavailable(named + " names no source repository");
        }
        for (String override : List.of("kustomize.images", "helm.parameters", "helm.values", "helm.valuesObject")) {
            Map<String, Object> tool = (Map<String, Object>) source.get(override.substring(0, override.indexOf('.')));
            Object value = tool == null ? null : tool.get(override.substring(override.indexOf('.') + 1));
            if (value != null && !(value instanceof String text && text.isBlank())
                    && !(value instanceof List<?> list && list.isEmpty())) {
                throw new MethodUnavailable(named + " overrides its files in spec.source." + override + ": a change in "
                        + "the files might not win over it");
            }
        }
        if (source.get("chart") != null) {
            throw new MethodUnavailable(named + " deploys chart " + source.get("chart") + " from a Helm repository: "
                    + "its version is not a file in Git");
        }
        String revision = (String) source.get("targetRevision");
        String branch = revision == null || revision.isBlank() || revision.equals("HEAD") ? defaultBranch : revision;
        if (branch.matches("[0-9a-f]{40}") || branch.matches("v?[0-9]+(\\.[0-9]+)*([-+].*)?")) {
            throw new MethodUnavailable(named + " is pinned to revision " + branch + ": a change on a branch would not "
                    + "be deployed");
        }
        return new GitOpsSource((String) source.get("repoURL"), branch, source.get("path") == null ? ""
                : (String) source.get("path"), null, null);
    }

    /**
     * The source of Kustomization {@code kustomization} from its GitRepository {@code repository} (null when it has
     * none, or its source is not a GitRepository).
     *
     * @throws MethodUnavailable when there is no GitRepository, or it follows a tag, semver range or commit
     */
    public static GitOpsSource ofKustomization(GenericKubernetesResource kustomization,
                                               GenericKubernetesResource repository) {
        String named = "Flux Kustomization " + kustomization.getMetadata().getNamespace() + "/"
                + kustomization.getMetadata().getName();
        if (repository == null) {
            throw new MethodUnavailable(named + " does not deploy from a GitRepository Rewind can read ("
                    + kustomization.get("spec", "sourceRef") + ")");
        }
        Map<String, Object> ref = repository.get("spec", "ref");
        String branch = ref == null ? "master" : (String) ref.get("branch");
        if (ref != null && (ref.get("tag") != null || ref.get("semver") != null || ref.get("commit") != null
                || ref.get("name") != null || branch == null)) {
            throw new MethodUnavailable(named + " follows " + ref + " of GitRepository " + repository.getMetadata()
                    .getName() + ", not a branch: a change on a branch would not be deployed");
        }
        String path = kustomization.get("spec", "path");
        return new GitOpsSource(repository.get("spec", "url"), branch, path == null ? "" : path,
                repository.getMetadata().getNamespace() + "/" + repository.getMetadata().getName(), null);
    }

    /** This source as that of a HelmRelease, whose manifest Kustomization {@code kustomization} applies from it. */
    public GitOpsSource applyingHelmRelease(GenericKubernetesResource kustomization) {
        return new GitOpsSource(repositoryUrl, branch, path, fluxRepository, kustomization.getMetadata().getNamespace()
                + "/" + kustomization.getMetadata().getName());
    }
}
