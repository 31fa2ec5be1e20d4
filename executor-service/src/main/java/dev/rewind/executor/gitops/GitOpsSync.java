package dev.rewind.executor.gitops;

import dev.rewind.executor.kubernetes.KubernetesApi;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks a GitOps controller to look at Git now rather than at its next interval, as {@code argocd app get --refresh}
 * (annotation {@value #ARGO_REFRESH}) and {@code flux reconcile --with-source} (annotation {@value #FLUX_REQUESTED_AT}
 * on the Kustomization or HelmRelease, the Kustomization applying a HelmRelease, and their GitRepository) do, and
 * reads what it reports.
 */
@ApplicationScoped
public class GitOpsSync {

    static final String ARGO_REFRESH = "argocd.argoproj.io/refresh";
    static final String FLUX_REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

    private final KubernetesApi api;

    @Inject
    public GitOpsSync(KubernetesApi api) {
        this.api = api;
    }

    /**
     * Requests a refresh of {@code change}'s owner (and, for Flux, of its GitRepository); what could not be requested,
     * for people, when refused (a refresh is a speed-up: the controller's interval still applies the change).
     */
    public Optional<String> requestRefresh(KubernetesClient client, GitChange change, Instant now) {
        try {
            if (change.ownerKind() == GitOpsKind.ARGO_CD_APPLICATION) {
                annotate(client, GitOpsKind.ARGO_CD_APPLICATION, change.ownerNamespace(), change.ownerName(),
                        ARGO_REFRESH, "normal");
            } else {
                if (change.fluxRepository() != null) {
                    String[] repository = change.fluxRepository().split("/", 2);
                    annotate(client, GitOpsKind.FLUX_GIT_REPOSITORY, repository[0], repository[1], FLUX_REQUESTED_AT,
                            now.toString());
                }
                if (change.fluxKustomization() != null) {
                    String[] kustomization = change.fluxKustomization().split("/", 2);
                    annotate(client, GitOpsKind.FLUX_KUSTOMIZATION, kustomization[0], kustomization[1],
                            FLUX_REQUESTED_AT, now.toString());
                }
                annotate(client, change.ownerKind(), change.ownerNamespace(), change.ownerName(), FLUX_REQUESTED_AT,
                        now.toString());
            }
            return Optional.empty();
        } catch (KubernetesClientException e) {
            return Optional.of("could not ask " + change.owner() + " to refresh (" + e.getCode() + " "
                    + e.getMessage() + "): it applies the change at its next interval");
        }
    }

    /**
     * What {@code change}'s owner reports now; for a HelmRelease, with the revision its Kustomization applied (read
     * first, so that the HelmRelease read after shows the generation that revision made). Empty when it no longer
     * exists.
     */
    public Optional<GitOpsSyncState> state(KubernetesClient client, GitChange change) {
        GitOpsSyncState applied = null;
        if (change.fluxKustomization() != null) {
            String[] name = change.fluxKustomization().split("/", 2);
            GenericKubernetesResource kustomization = api.gitOpsResource(client, GitOpsKind.FLUX_KUSTOMIZATION, name[0],
                    name[1]);
            if (kustomization == null) {
                return Optional.empty();
            }
            applied = GitOpsSyncState.of(GitOpsKind.FLUX_KUSTOMIZATION, kustomization);
        }
        Optional<GenericKubernetesResource> owner = owner(client, change);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        GitOpsSyncState reported = GitOpsSyncState.of(change.ownerKind(), owner.get());
        return Optional.of(applied == null ? reported : GitOpsSyncState.applying(applied, reported));
    }

    /** {@code change}'s owner as it is now; empty when it no longer exists. */
    public Optional<GenericKubernetesResource> owner(KubernetesClient client, GitChange change) {
        return Optional.ofNullable(api.gitOpsResource(client, change.ownerKind(), change.ownerNamespace(),
                change.ownerName()));
    }

    /**
     * The commit {@code change}'s controller last fetched from Git: an Application's {@code status.sync.revision}
     * (refreshed even while its automated sync is off), or the Flux GitRepository's {@code status.artifact.revision}
     * (fetched even while the Kustomization is suspended); empty when it names none.
     */
    public Optional<String> fetched(KubernetesClient client, GitChange change) {
        GitOpsKind kind = change.ownerKind() == GitOpsKind.ARGO_CD_APPLICATION || change.fluxRepository() == null
                ? change.ownerKind() : GitOpsKind.FLUX_GIT_REPOSITORY;
        String[] name = kind == GitOpsKind.FLUX_GIT_REPOSITORY ? change.fluxRepository().split("/", 2)
                : new String[] {change.ownerNamespace(), change.ownerName()};
        GenericKubernetesResource resource = api.gitOpsResource(client, kind, name[0], name[1]);
        String revision = resource == null ? null : switch (kind) {
            case ARGO_CD_APPLICATION -> resource.get("status", "sync", "revision");
            case FLUX_GIT_REPOSITORY -> resource.get("status", "artifact", "revision");
            default -> resource.get("status", "lastAttemptedRevision");
        };
        // Flux names it <branch>@sha1:<id> (older versions <branch>/<id>).
        return Optional.ofNullable(revision).map(r -> r.substring(Math.max(r.lastIndexOf(':'), r.lastIndexOf('/'))
                + 1));
    }

    private void annotate(KubernetesClient client, GitOpsKind kind, String namespace, String name, String key,
                          String value) {
        String patch = "{\"metadata\":{\"annotations\":{\"" + key + "\":\"" + value + "\"}}}";
        api.call(() -> client.genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    }
}
