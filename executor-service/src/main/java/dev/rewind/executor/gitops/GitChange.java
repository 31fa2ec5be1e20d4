package dev.rewind.executor.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import java.util.Map;

/**
 * The change a GitOps rollback makes in Git, as planned: on host {@code host}, project {@code project}, branch
 * {@code branch} made from {@code baseSha} (the head of {@code base} that was read) with {@code files} (path to new
 * text, the last good images pinned), for the GitOps resource that deploys from {@code path} there.
 *
 * @param fluxRepository the Flux GitRepository the owner deploys from, {@code namespace/name}; null for Argo CD
 * @param fluxKustomization the Flux Kustomization applying a HelmRelease owner from Git, {@code namespace/name};
 *                          null for other owners
 */
public record GitChange(String host, String project, String repositoryUrl, String base, String baseSha, String path,
                        String branch, Map<String, String> files, GitOpsKind ownerKind, String ownerNamespace,
                        String ownerName, String fluxRepository, String fluxKustomization) {

    public GitChange {
        files = Map.copyOf(files);
    }

    /** The owner as people name it: {@code Argo CD Application argocd/checkout}. */
    public String owner() {
        return ownerKind.title() + " " + ownerNamespace + "/" + ownerName;
    }
}
