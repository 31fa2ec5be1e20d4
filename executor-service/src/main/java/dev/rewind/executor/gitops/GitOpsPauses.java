package dev.rewind.executor.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.kubernetes.KubernetesApi;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pauses and resumes a GitOps controller's sync of one resource, as {@code argocd app set --sync-policy none} and
 * {@code flux suspend}/{@code flux resume} do: an Argo CD Application loses {@code spec.syncPolicy.automated} (kept
 * in the plan, put back as it was; a JSON patch, since a merge patch cannot remove a key on every API server), a Flux
 * Kustomization or HelmRelease gets {@code spec.suspend}. The paused resource carries annotation
 * {@value GitOpsPause#ANNOTATION} naming the execution: Rewind resumes only a pause it made, and never takes over one
 * people made.
 */
@ApplicationScoped
public class GitOpsPauses {

    private static final String PAUSED_BY = "/metadata/annotations/" + GitOpsPause.ANNOTATION.replace("/", "~1");
    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private final KubernetesApi api;

    @Inject
    public GitOpsPauses(KubernetesApi api) {
        this.api = api;
    }

    /**
     * The pause of {@code owner}'s sync, planned from the resource as it is now.
     *
     * @throws MethodUnavailable when it no longer exists
     */
    public GitOpsPause plan(KubernetesClient client, GitOpsOwner owner) {
        GenericKubernetesResource resource = read(client, owner.kind(), owner.namespace(), owner.name());
        if (resource == null) {
            throw new MethodUnavailable(owner.describe() + " no longer exists: there is no sync to pause");
        }
        Map<String, Object> automated = owner.kind() == GitOpsKind.ARGO_CD_APPLICATION
                ? resource.get("spec", "syncPolicy", "automated") : null;
        return new GitOpsPause(owner.kind(), owner.namespace(), owner.name(), automated);
    }

    /**
     * Pauses the sync for execution {@code by} ({@link GitOpsPause#by}), unless that execution paused it already.
     *
     * @return true when it was paused now
     * @throws RollbackRefused when the resource is gone, paused by someone else, or its sync policy changed since the
     *                         pause was planned: the world is no longer what the decision saw
     */
    public boolean pause(KubernetesClient client, GitOpsPause pause, String by) {
        GenericKubernetesResource resource = read(client, pause.kind(), pause.namespace(), pause.name());
        if (resource == null) {
            throw new RollbackRefused(pause.owner() + " no longer exists: its sync was not paused, so the target is "
                    + "not rolled back in the cluster");
        }
        String pausedBy = pausedBy(resource);
        GitOpsOwner now = GitOpsOwner.of(pause.kind(), resource);
        if (by.equals(pausedBy) && !now.reconciles()) {
            return false;
        }
        if (pausedBy != null && !by.equals(pausedBy)) {
            throw new RollbackRefused(pause.owner() + " is paused by " + pausedBy + " (annotation "
                    + GitOpsPause.ANNOTATION + "): Rewind does not take over another pause");
        }
        if (!now.reconciles()) {
            throw new RollbackRefused(now.describe() + " no longer syncs by itself: it was paused since the rollback "
                    + "was planned, not by Rewind; Rewind rolls back in the cluster only under a pause it made");
        }
        if (pause.kind() == GitOpsKind.ARGO_CD_APPLICATION && !Objects.equals(pause.automated(),
                resource.get("spec", "syncPolicy", "automated"))) {
            throw new RollbackRefused(now.describe() + " changed its automated sync policy since the rollback was "
                    + "planned: not paused, not rolled back in the cluster");
        }
        patch(client, pause, PatchType.JSON_MERGE, JSON.createObjectNode().set("metadata", JSON.createObjectNode()
                .set("annotations", JSON.createObjectNode().put(GitOpsPause.ANNOTATION, by))), "pausing");
        if (pause.kind() == GitOpsKind.ARGO_CD_APPLICATION) {
            patch(client, pause, PatchType.JSON, List.of(
                    Map.of("op", "test", "path", "/spec/syncPolicy/automated", "value", pause.automated()),
                    Map.of("op", "remove", "path", "/spec/syncPolicy/automated")), "pausing");
        } else {
            patch(client, pause, PatchType.JSON_MERGE, Map.of("spec", Map.of("suspend", true)), "pausing");
        }
        GenericKubernetesResource after = read(client, pause.kind(), pause.namespace(), pause.name());
        if (after == null || GitOpsOwner.of(pause.kind(), after).reconciles()) {
            throw new RollbackRefused(pause.owner() + " still syncs after Rewind paused it (" + pause.how() + "): not "
                    + "rolled back in the cluster");
        }
        return true;
    }

    /**
     * Resumes the sync execution {@code by} paused, as it was before.
     *
     * @return what was done, in people's words
     * @throws RollbackRefused when it is paused again by someone else: theirs to resume
     */
    public String resume(KubernetesClient client, GitOpsPause pause, String by) {
        GenericKubernetesResource resource = read(client, pause.kind(), pause.namespace(), pause.name());
        if (resource == null) {
            return pause.owner() + " no longer exists: nothing to resume";
        }
        boolean syncing = GitOpsOwner.of(pause.kind(), resource).reconciles();
        if (!by.equals(pausedBy(resource))) {
            if (syncing) {
                return pause.owner() + " syncs already: people resumed it";
            }
            throw new RollbackRefused(pause.owner() + " was paused again, not by this rollback (annotation "
                    + GitOpsPause.ANNOTATION + " is " + pausedBy(resource) + "): not resumed by Rewind");
        }
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(Map.of("op", "test", "path", PAUSED_BY, "value", by));
        if (!syncing && pause.kind() == GitOpsKind.ARGO_CD_APPLICATION) {
            ops.add(resource.get("spec", "syncPolicy") == null
                    ? Map.of("op", "add", "path", "/spec/syncPolicy", "value", Map.of("automated", pause.automated()))
                    : Map.of("op", "add", "path", "/spec/syncPolicy/automated", "value", pause.automated()));
        } else if (!syncing) {
            ops.add(Map.of("op", "replace", "path", "/spec/suspend", "value", false));
        }
        ops.add(Map.of("op", "remove", "path", PAUSED_BY));
        patch(client, pause, PatchType.JSON, ops, "resuming");
        return syncing ? pause.owner() + " syncs already: people resumed it" : pause.owner() + " resumed ("
                + (pause.kind() == GitOpsKind.ARGO_CD_APPLICATION ? "automated sync " + pause.automated() + " put back"
                : "spec.suspend false") + ")";
    }

    private GenericKubernetesResource read(KubernetesClient client, GitOpsKind kind, String namespace, String name) {
        return api.call(() -> client.genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name)
                .get());
    }

    private void patch(KubernetesClient client, GitOpsPause pause, PatchType type, Object body, String doing) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a patch of " + pause.owner(), e);
        }
        try {
            api.call(() -> client.genericKubernetesResources(pause.kind().context()).inNamespace(pause.namespace())
                    .withName(pause.name()).patch(PatchContext.of(type), json));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || e.getCode() == 422) {
                // A JSON patch's test failed: the resource changed between reading it and patching it.
                throw new RollbackRefused(pause.owner() + " changed while Rewind was " + doing + " its sync ("
                        + e.getCode() + " " + e.getMessage() + ")" + ("pausing".equals(doing) ? ": not rolled back in "
                        + "the cluster" : ""));
            }
            throw e;
        }
    }

    private static String pausedBy(GenericKubernetesResource resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(GitOpsPause.ANNOTATION);
    }
}
