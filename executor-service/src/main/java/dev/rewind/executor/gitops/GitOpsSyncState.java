package dev.rewind.executor.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a GitOps controller reports about the revision it applies: an Argo CD Application's {@code status.sync}
 * (revision, Synced) and {@code status.health} (Healthy), or a Flux Kustomization's {@code lastAppliedRevision}
 * ({@code main@sha1:<id>}) and Ready condition at the current generation (a HelmRelease: its Ready condition there).
 *
 * @param revision the commit it applied last, as it names it; null when it says none
 * @param detail its own words, for people
 */
public record GitOpsSyncState(String revision, boolean synced, boolean healthy, String detail) {

    /** The state {@code owner}, of kind {@code kind}, reports. */
    public static GitOpsSyncState of(GitOpsKind kind, GenericKubernetesResource owner) {
        if (kind == GitOpsKind.ARGO_CD_APPLICATION) {
            String revision = owner.get("status", "sync", "revision");
            String sync = owner.get("status", "sync", "status");
            String health = owner.get("status", "health", "status");
            return new GitOpsSyncState(revision, "Synced".equals(sync), "Healthy".equals(health),
                    "sync " + sync + " at " + revision + ", health " + health);
        }
        String applied = owner.get("status", "lastAppliedRevision");
        List<Map<String, Object>> conditions = owner.get("status", "conditions");
        Map<String, Object> ready = conditions == null ? null : conditions.stream()
                .filter(c -> "Ready".equals(c.get("type"))).findFirst().orElse(null);
        Object observed = owner.get("status", "observedGeneration");
        boolean current = observed == null || owner.getMetadata().getGeneration() == null
                || Objects.equals(((Number) observed).longValue(), owner.getMetadata().getGeneration());
        boolean isReady = ready != null && "True".equals(ready.get("status")) && current;
        String seen = kind == GitOpsKind.FLUX_HELM_RELEASE ? "generation " + owner.getMetadata().getGeneration()
                + " observed " + observed : "applied " + applied;
        return new GitOpsSyncState(applied, isReady, isReady, seen + ", Ready "
                + (ready == null ? "unknown" : ready.get("status") + " (" + ready.get("message") + ")"));
    }

    /**
     * A HelmRelease's state ({@code release}) under the Kustomization applying it ({@code applied}): the revision the
     * Kustomization applied, synced and healthy when both are ready at their generation.
     */
    public static GitOpsSyncState applying(GitOpsSyncState applied, GitOpsSyncState release) {
        return new GitOpsSyncState(applied.revision(), applied.synced() && release.synced(),
                applied.healthy() && release.healthy(), "Kustomization " + applied.detail() + "; HelmRelease "
                + release.detail());
    }

    /** The commit id of {@link #revision} ({@code main@sha1:<id>} is Flux's form); null when it names none. */
    public String commit() {
        return revision == null ? null : revision.substring(revision.lastIndexOf(':') + 1);
    }

    /** True when it reports a revision synced and healthy. */
    public boolean syncedAndHealthy() {
        return revision != null && synced && healthy;
    }
}
