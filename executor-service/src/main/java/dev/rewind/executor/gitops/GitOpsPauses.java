package dev.rewind.executor.gitops;

import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.kubernetes.KubernetesApi;
import dev.rewind.kubernetes.KubernetesFailures;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.OwnerReference;
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
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pauses and resumes a GitOps controller's sync of one resource, as {@code argocd app set --sync-policy none} and
 * {@code flux suspend}/{@code flux resume} do: an Argo CD Application loses {@code spec.syncPolicy.automated} (kept in
 * the plan, put back as it was), a Flux Kustomization or HelmRelease gets {@code spec.suspend}, and annotation
 * {@value GitOpsPause#ANNOTATION} names the execution, all in one JSON patch that first tests the resource is still the
 * version just read. Each attempt reads the resource and decides from what it shows, so a lost answer or a restart
 * neither pauses twice nor mistakes a pause that took effect for a failure. Rewind resumes only a pause it made, and
 * never takes over one people made.
 */
@ApplicationScoped
public class GitOpsPauses {

    private static final String PAUSED_BY = "/metadata/annotations/" + GitOpsPause.ANNOTATION.replace("/", "~1");
    private static final int ATTEMPTS = 3;
    private static final String KUSTOMIZE_CONTROLLER = "kustomize-controller";

    private final KubernetesApi api;
    private final ExecutorConfig.GitOps config;

    @Inject
    public GitOpsPauses(KubernetesApi api, ExecutorConfig config) {
        this.api = api;
        this.config = config.gitops();
    }

    /**
     * The pause of {@code owner}'s sync, planned from the resource as it is now.
     *
     * @throws MethodUnavailable when it no longer exists, or something else applies it and would set a pause back (an
     *                           ApplicationSet, a parent Application, a Kustomization whose manifest sets the field)
     */
    public GitOpsPause plan(KubernetesClient client, GitOpsOwner owner) {
        GenericKubernetesResource resource = api.gitOpsResource(client, owner.kind(), owner.namespace(), owner.name());
        if (resource == null) {
            throw new MethodUnavailable(owner.describe() + " no longer exists: there is no sync to pause");
        }
        parentOf(resource).ifPresent(parent -> {
            throw new MethodUnavailable(owner.describe() + " is itself applied by " + parent + ", which would set a "
                    + "pause of its sync back: not paused");
        });
        Map<String, Object> automated = owner.kind() == GitOpsKind.ARGO_CD_APPLICATION
                ? resource.get("spec", "syncPolicy", "automated") : null;
        return new GitOpsPause(owner.kind(), owner.namespace(), owner.name(), automated);
    }

    /**
     * Pauses the sync for execution {@code by} ({@link GitOpsPause#by}), unless that execution paused it already.
     *
     * @throws RollbackRefused when the resource is gone, paused by someone else, or its sync policy changed since the
     *                         pause was planned: the world is no longer what the decision saw
     */
    public void pause(KubernetesClient client, GitOpsPause pause, String by) {
        String failure = null;
        for (int attempt = 0; ; attempt++) {
            GenericKubernetesResource resource = api.gitOpsResource(client, pause.kind(), pause.namespace(),
                    pause.name());
            if (resource == null) {
                throw new RollbackRefused(pause.owner() + " no longer exists: its sync was not paused, so the target "
                        + "is not rolled back in the cluster");
            }
            String pausedBy = pausedBy(resource);
            GitOpsOwner now = GitOpsOwner.of(pause.kind(), resource);
            if (by.equals(pausedBy) && !now.reconciles()) {
                return;
            }
            if (pausedBy != null && !by.equals(pausedBy)) {
                throw new RollbackRefused(pause.owner() + " is paused by " + pausedBy + " (annotation "
                        + GitOpsPause.ANNOTATION + "): Rewind does not take over another pause");
            }
            if (!now.reconciles()) {
                throw new RollbackRefused(now.describe() + " no longer syncs by itself: it was paused since the "
                        + "rollback was planned, not by Rewind; Rewind rolls back in the cluster only under a pause it "
                        + "made");
            }
            if (pause.kind() == GitOpsKind.ARGO_CD_APPLICATION && !Objects.equals(pause.automated(),
                    resource.get("spec", "syncPolicy", "automated"))) {
                throw new RollbackRefused(now.describe() + " changed its automated sync policy since the rollback "
                        + "was planned: not paused, not rolled back in the cluster");
            }
            if (attempt == ATTEMPTS) {
                throw new RollbackRefused("could not pause " + pause.owner() + (failure == null ? ": it still syncs "
                        + "after being paused " + ATTEMPTS + " times" : " (" + failure + ")") + ": not rolled back in "
                        + "the cluster");
            }
            List<Map<String, Object>> ops = guarded(resource, by);
            ops.add(pause.kind() == GitOpsKind.ARGO_CD_APPLICATION
                    ? Map.of("op", "remove", "path", "/spec/syncPolicy/automated")
                    : Map.of("op", "add", "path", "/spec/suspend", "value", true));
            failure = patchOnce(client, pause, ops).orElse(null);
        }
    }

    /**
     * Resumes the sync execution {@code by} paused, as it was before.
     *
     * @return what was done, in people's words
     * @throws RollbackRefused when it is paused again by someone else: theirs to resume
     */
    public String resume(KubernetesClient client, GitOpsPause pause, String by) {
        for (int attempt = 1; ; attempt++) {
            GenericKubernetesResource resource = api.gitOpsResource(client, pause.kind(), pause.namespace(),
                    pause.name());
            if (resource == null) {
                return pause.owner() + " no longer exists: nothing to resume";
            }
            boolean syncing = GitOpsOwner.of(pause.kind(), resource).reconciles();
            if (!by.equals(pausedBy(resource))) {
                if (syncing) {
                    return pause.owner() + " syncs again (" + GitOpsOwner.of(pause.kind(), resource).policy() + ")";
                }
                throw new RollbackRefused(pause.owner() + " was paused again, not by this rollback (annotation "
                        + GitOpsPause.ANNOTATION + " is " + pausedBy(resource) + "): not resumed by Rewind");
            }
            List<Map<String, Object>> ops = guarded(resource, by);
            if (!syncing && pause.kind() == GitOpsKind.ARGO_CD_APPLICATION) {
                ops.add(resource.get("spec", "syncPolicy") == null
                        ? Map.of("op", "add", "path", "/spec/syncPolicy", "value", Map.of("automated",
                        pause.automated()))
                        : Map.of("op", "add", "path", "/spec/syncPolicy/automated", "value", pause.automated()));
            } else if (!syncing) {
                ops.add(Map.of("op", "add", "path", "/spec/suspend", "value", false));
            }
            ops.add(Map.of("op", "remove", "path", PAUSED_BY));
            Optional<String> failure = patchOnce(client, pause, ops);
            if (failure.isEmpty()) {
                return pause.owner() + " resumed (" + (pause.kind() == GitOpsKind.ARGO_CD_APPLICATION
                        ? "automated sync " + new TreeMap<>(pause.automated()) + " put back" : "spec.suspend false") + ")";
            }
            if (attempt == ATTEMPTS) {
                throw new RollbackRefused("could not resume " + pause.owner() + " (" + failure.get() + ")");
            }
        }
    }

    /**
     * The ops that come first in every patch of {@code resource}: it is still the version read, and the annotation
     * names {@code by} (created with the annotations map when there is none).
     */
    private static List<Map<String, Object>> guarded(GenericKubernetesResource resource, String by) {
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(Map.of("op", "test", "path", "/metadata/resourceVersion", "value",
                resource.getMetadata().getResourceVersion()));
        ops.add(resource.getMetadata().getAnnotations() == null
                ? Map.of("op", "add", "path", "/metadata/annotations", "value", Map.of(GitOpsPause.ANNOTATION, by))
                : Map.of("op", "add", "path", PAUSED_BY, "value", by));
        return ops;
    }

    /**
     * Sends {@code ops} once: a conflict (the resource changed since it was read), a lost answer or a passing failure
     * is returned for the caller to read the resource again and decide; anything else is thrown.
     */
    private Optional<String> patchOnce(KubernetesClient client, GitOpsPause pause, List<Map<String, Object>> ops) {
        try {
            client.genericKubernetesResources(pause.kind().context()).inNamespace(pause.namespace())
                    .withName(pause.name()).patch(PatchContext.of(PatchType.JSON), Serialization.asJson(ops));
            return Optional.empty();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || e.getCode() == 422 || KubernetesFailures.isTransient(e)) {
                return Optional.of(e.getCode() + " " + e.getMessage());
            }
            throw e;
        }
    }

    /** What applies {@code resource} itself and would set a pause back: an ApplicationSet, a parent's marks. */
    private Optional<String> parentOf(GenericKubernetesResource resource) {
        String instanceLabel = config.argoCdInstanceLabel();
        List<OwnerReference> owners = resource.getMetadata().getOwnerReferences();
        if (owners != null) {
            for (OwnerReference owner : owners) {
                if (owner.getApiVersion() != null && owner.getApiVersion().startsWith("argoproj.io/")) {
                    return Optional.of(owner.getKind() + " " + owner.getName());
                }
            }
        }
        Map<String, String> annotations = Objects.requireNonNullElse(resource.getMetadata().getAnnotations(),
                Map.of());
        Map<String, String> labels = Objects.requireNonNullElse(resource.getMetadata().getLabels(), Map.of());
        if (annotations.containsKey(GitOpsKind.ARGO_TRACKING_ID)) {
            return Optional.of("Argo CD Application " + annotations.get(GitOpsKind.ARGO_TRACKING_ID).split(":", 2)[0]);
        }
        if (resource.getKind() != null && resource.getKind().equals("Application") && labels.containsKey(
                instanceLabel)) {
            return Optional.of("Argo CD Application " + labels.get(instanceLabel));
        }
        for (GitOpsKind kind : List.of(GitOpsKind.FLUX_KUSTOMIZATION, GitOpsKind.FLUX_HELM_RELEASE)) {
            if (!labels.containsKey(kind.ownerNameLabel())) {
                continue;
            }
            String parent = kind.title() + " " + labels.get(kind.ownerNamespaceLabel()) + "/"
                    + labels.get(kind.ownerNameLabel());
            if (kind != GitOpsKind.FLUX_KUSTOMIZATION) {
                return Optional.of(parent);
            }
            List<String> field = pauseField(resource);
            if (managedBy(resource, KUSTOMIZE_CONTROLLER, field)) {
                return Optional.of(parent + " (its manifest in Git sets " + String.join(".", field) + ")");
            }
        }
        return Optional.empty();
    }

    /** The field a pause changes, as a path under the object. */
    private static List<String> pauseField(GenericKubernetesResource resource) {
        return "Application".equals(resource.getKind()) ? List.of("spec", "syncPolicy", "automated")
                : List.of("spec", "suspend");
    }

    /**
     * True when field manager {@code manager} owns {@code field} of {@code resource} (its {@code managedFields}):
     * kustomize-controller applies server-side, and sets back only the fields its manifests set; a pause of a field it
     * does not own stays, as {@code flux suspend} of a HelmRelease that a Kustomization applies does.
     */
    static boolean managedBy(GenericKubernetesResource resource, String manager, List<String> field) {
        List<ManagedFieldsEntry> entries = resource.getMetadata().getManagedFields();
        if (entries == null) {
            return false;
        }
        for (ManagedFieldsEntry entry : entries) {
            if (!manager.equals(entry.getManager()) || entry.getFieldsV1() == null) {
                continue;
            }
            Object node = entry.getFieldsV1().getAdditionalProperties();
            for (String name : field) {
                node = node instanceof Map<?, ?> map ? map.get("f:" + name) : null;
            }
            if (node != null) {
                return true;
            }
        }
        return false;
    }

    private static String pausedBy(GenericKubernetesResource resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(GitOpsPause.ANNOTATION);
    }
}
