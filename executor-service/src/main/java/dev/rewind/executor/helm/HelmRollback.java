package dev.rewind.executor.helm;

import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code helm rollback} of one release, step by step as {@code pkg/action/rollback.go} does it: plan, record the new
 * revision ({@code pending-rollback}), apply its manifest (a failure marks the current revision {@code superseded}
 * and the new one {@code failed}), then, once the rollout is followed, mark every {@code deployed} revision
 * {@code superseded} and the new one {@code deployed} (or, when the rollout failed, the new one {@code failed}, as
 * {@code helm rollback --wait} does).
 */
public final class HelmRollback {

    private static final Logger LOG = Logger.getLogger(HelmRollback.class);
    private static final int FORBIDDEN = 403;

    private final HelmReleases releases;
    private final ReleaseObjects objects;
    private final HelmManaged release;

    public HelmRollback(HelmReleases releases, ReleaseObjects objects, HelmManaged release) {
        this.releases = releases;
        this.objects = objects;
        this.release = release;
    }

    /** Plans the rollback to {@code toRevision} (0: the one before the current) from the stored history. */
    public HelmRollbackPlan plan(long toRevision) {
        return HelmRollbackPlan.of(release.release(), releases.history(release.release()), toRevision, Instant.now());
    }

    /**
     * Plans the rollback to {@code toRevision} and checks that nothing in the cluster stands in the way of applying
     * it ({@link ReleaseObjects#obstacle}).
     *
     * @throws MethodUnavailable when Helm would refuse, Rewind cannot apply it, or the executor may not read the
     *         release (no Role from k8s/overlays/helm): nothing was changed, the next method may try
     */
    public HelmRollbackPlan applicablePlan(long toRevision) {
        try {
            HelmRollbackPlan plan = plan(toRevision);
            obstacle(plan).ifPresent(obstacle -> {
                throw new MethodUnavailable("release \"" + release.release() + "\": " + obstacle);
            });
            return plan;
        } catch (KubernetesClientException e) {
            if (e.getCode() != FORBIDDEN) {
                throw e;
            }
            throw new MethodUnavailable("the executor may not read Helm release \"" + release.release() + "\" in "
                    + "namespace " + release.namespace() + " (" + e.getMessage() + "): grant it the Role of "
                    + "k8s/overlays/helm there, or leave helm out of the target's methods");
        }
    }

    /**
     * The objects of {@code revision}'s manifest.
     *
     * @throws MethodUnavailable when the manifest does not parse
     */
    public HelmManifest manifest(HelmRelease revision) {
        try {
            return HelmManifest.parse(revision.manifest(), release.namespace());
        } catch (IllegalArgumentException e) {
            throw new MethodUnavailable("revision " + revision.version() + " of release \"" + release.release()
                    + "\": " + e.getMessage());
        }
    }

    /** Why Rewind cannot apply {@code plan}'s target manifest, or empty (see {@link ReleaseObjects#obstacle}). */
    public Optional<String> obstacle(HelmRollbackPlan plan) {
        return objects.obstacle(manifest(plan.current()), manifest(plan.target()), release.release(),
                release.namespace());
    }

    /** A stored revision of the release. */
    public Optional<HelmReleases.Stored> revision(long version) {
        return releases.get(release.release(), version);
    }

    /** How far this rollback got, read from the revision it creates. */
    public enum Progress {
        /** The new revision is not recorded: nothing was changed yet. */
        NOT_STARTED,
        /** Recorded {@code pending-rollback} by this execution: its objects are (being) applied. */
        APPLYING,
        /** Recorded and past {@code pending-rollback}: only the rollout is left to follow. */
        APPLIED
    }

    /**
     * How far the rollback creating revision {@code newVersion} for {@code execution} got.
     *
     * @throws RollbackRefused when that revision was made by someone else, or this rollback already failed
     */
    public Progress progress(long newVersion, UUID execution) {
        Optional<HelmReleases.Stored> stored = revision(newVersion);
        if (stored.isEmpty()) {
            return Progress.NOT_STARTED;
        }
        HelmRelease revision = stored.get().release();
        if (!execution.toString().equals(stored.get().execution())) {
            throw new RollbackRefused("release \"" + release.release() + "\" has a revision " + newVersion + " ("
                    + revision.status().wire() + ", \"" + revision.description() + "\") that this rollback did not "
                    + "make: someone changed the release meanwhile; not rolling back over it, check 'helm history "
                    + release.release() + " -n " + release.namespace() + "'");
        }
        return switch (revision.status()) {
            case PENDING_ROLLBACK -> Progress.APPLYING;
            case FAILED -> throw new RollbackRefused(revision.description());
            default -> Progress.APPLIED;
        };
    }

    /** Records {@code plan}'s new revision as made by {@code execution}; false when that version exists already. */
    public boolean record(HelmRollbackPlan plan, UUID execution) {
        return releases.create(plan.rollback(), execution);
    }

    /**
     * Applies revision {@code newVersion}'s manifest over revision {@code currentVersion}'s.
     *
     * @throws RollbackRefused with Helm's {@code Rollback "<name>" failed: <err>} once both revisions are recorded
     *         as Helm records a failed rollback
     */
    public ReleaseObjects.Applied apply(long currentVersion, long newVersion) {
        HelmRelease current = stored(currentVersion);
        HelmRelease next = stored(newVersion);
        try {
            return objects.apply(manifest(current), manifest(next), release.release(), release.namespace());
        } catch (ReleaseObjects.ApplyFailed | KubernetesClientException | MethodUnavailable e) {
            String failure = HelmRollbackPlan.failure(release.release(), e.getMessage());
            LOG.warnf("warning: %s", failure);
            String recorded = "revision " + newVersion + " is recorded failed and revision " + currentVersion
                    + " superseded, as helm rollback records a failed rollback";
            try {
                releases.update(release.release(), currentVersion, r -> r.withStatus(HelmStatus.SUPERSEDED, null));
                releases.update(release.release(), newVersion, r -> r.withStatus(HelmStatus.FAILED, failure));
            } catch (RuntimeException unrecorded) {
                recorded = "recording the failure in the release Secrets failed too (" + unrecorded.getMessage()
                        + ")";
            }
            throw new RollbackRefused(failure + "; " + recorded + ": some objects may have changed, check 'helm "
                    + "history " + release.release() + " -n " + release.namespace() + "' and 'helm get manifest "
                    + release.release() + " -n " + release.namespace() + "' against the cluster before acting");
        }
    }

    /** After the rollout: every other {@code deployed} revision {@code superseded}, {@code newVersion} deployed. */
    public void deployed(long newVersion) {
        for (HelmRelease revision : releases.history(release.release())) {
            if (revision.version() != newVersion && revision.status() == HelmStatus.DEPLOYED) {
                LOG.debugf("superseding previous deployment %d", revision.version());
                releases.update(release.release(), revision.version(), r -> r.status() == HelmStatus.DEPLOYED
                        ? r.withStatus(HelmStatus.SUPERSEDED, null) : r);
            }
        }
        releases.update(release.release(), newVersion, r -> r.withStatus(HelmStatus.DEPLOYED, null));
    }

    /**
     * After a failed rollout: {@code newVersion}, while still {@code pending-rollback}, failed with Helm's
     * {@code Release "<name>" failed: <err>}.
     *
     * @return its status now
     */
    public HelmStatus failed(long newVersion, String reason) {
        return releases.update(release.release(), newVersion, r -> r.status() == HelmStatus.PENDING_ROLLBACK
                ? r.withStatus(HelmStatus.FAILED, "Release \"" + release.release() + "\" failed: " + reason) : r)
                .status();
    }

    private HelmRelease stored(long version) {
        return revision(version).map(HelmReleases.Stored::release).orElseThrow(() -> new RollbackRefused(
                "release \"" + release.release() + "\" has no " + version + " version any more (Secret "
                        + release.namespace() + "/" + HelmReleases.key(release.release(), version) + " is gone): "
                        + "someone deleted it meanwhile; check 'helm history " + release.release() + " -n "
                        + release.namespace() + "'"));
    }
}
