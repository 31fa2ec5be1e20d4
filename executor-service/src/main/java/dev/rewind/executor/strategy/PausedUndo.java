package dev.rewind.executor.strategy;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.gitops.GitChange;
import dev.rewind.executor.gitops.GitOpsOwner;
import dev.rewind.executor.gitops.GitOpsPause;
import dev.rewind.executor.gitops.GitOpsPauses;
import dev.rewind.executor.gitops.HelmReleaseValues;
import dev.rewind.executor.gitops.ImagePins;
import dev.rewind.executor.gitops.git.ChangeRequest;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.Redeploy;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.executor.service.ExecutionLedger;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emergency rollback of a target a GitOps controller applies (policy pause-and-undo): its sync is paused, an
 * in-cluster method rolls it back at once, then Git is changed to name what now runs, and once that change is merged
 * and the controller fetched it, the sync is resumed, so the controller neither sets the rollback back nor leaves Git
 * naming the faulty release. Pause and resume are recorded on the execution: a restart never pauses twice, and
 * whatever fails the rollback between them says the sync stays paused ({@link ExecutionLedger#fail}).
 */
@Singleton
public class PausedUndo {

    private final GitOpsChanges changes;
    private final GitOpsPauses pauses;
    private final DeploymentRollbacks rollbacks;
    private final ExecutionLedger ledger;
    private final ExecutorConfig.GitOps config;

    @Inject
    public PausedUndo(GitOpsChanges changes, GitOpsPauses pauses, DeploymentRollbacks rollbacks,
                      ExecutionLedger ledger, ExecutorConfig config) {
        this.changes = changes;
        this.pauses = pauses;
        this.rollbacks = rollbacks;
        this.ledger = ledger;
        this.config = config.gitops();
    }

    /**
     * {@code inCluster}, planned by an in-cluster method for a target {@code owner} applies, made under a pause of
     * {@code owner}'s sync, with the change that makes Git catch up.
     *
     * @throws MethodUnavailable when Git cannot be changed (Rewind never pauses a sync it has no way to resume), when
     *                           the plan restores more than images (Git is changed in its images only), or when the
     *                           owner cannot be paused
     */
    public UndoPlan plan(RollbackOrder order, ObservedDeployment observed, GitOpsOwner owner, UndoPlan inCluster) {
        if (inCluster.skipped() != null) {
            return inCluster;
        }
        String method = inCluster.methodOrKubectl().name().toLowerCase(Locale.ROOT);
        var lastGood = DeploymentRevisions.releaseOf(inCluster.toRevision(), inCluster.template());
        if (inCluster.methodOrKubectl() != RollbackMethod.REDEPLOY && !DeploymentRevisions.sameTemplate(
                Redeploy.plan(observed.deployment(), lastGood, order.incidentNumber()).template(),
                inCluster.template())) {
            throw new MethodUnavailable(method + " would restore revision " + inCluster.toRevision() + "'s whole pod "
                    + "template, which differs from the running one in more than its images, while Git is changed in "
                    + "its images only: the resumed sync would then deploy a mix nobody chose; redeploy pins the images");
        }
        GitChange change;
        try {
            change = changes.plan(order, observed, owner, lastGood.images());
        } catch (MethodUnavailable gitUnchangeable) {
            throw new MethodUnavailable(method + " under a paused sync needs Git changed afterwards, and "
                    + gitUnchangeable.getMessage());
        }
        if (owner.kind() == GitOpsKind.FLUX_HELM_RELEASE && pinnedValues(change, lastGood.images()).isEmpty()) {
            throw new MethodUnavailable("the change in Git pins the images outside " + owner.describe() + "'s "
                    + "spec.values (" + String.join(", ", change.files().keySet()) + "): Rewind could not tell when its "
                    + "Kustomization applied them, and the HelmRelease resumed before would upgrade back to the faulty "
                    + "release");
        }
        return inCluster.pausedFor(change, pauses.plan(observed.client(), owner));
    }

    /** Pauses {@code plan}'s sync before the in-cluster change (again after a restart: it holds already then). */
    public void pause(RollbackOrder order, UndoPlan plan) {
        GitOpsPause pause = plan.pause();
        pauses.pause(client(order), pause, GitOpsPause.by(order.executionId()));
        ledger.gitOpsPaused(order.executionId(), pause.owner() + " paused (" + pause.how() + (pause.automated()
                == null ? "" : ", it was " + new TreeMap<>(pause.automated())) + "; annotation " + GitOpsPause.ANNOTATION + ") so "
                + "that it does not set the rollback in the cluster back; resumed once Git names " + plan.toVersion());
    }

    /**
     * Once the cluster is rolled back: proposes the change in Git, merges it (or waits for people to, up to the
     * catch-up timeout), waits for the controller to fetch it, resumes the sync, and follows the controller until it
     * reports a revision including the merge synced and healthy with the rolled-back images. Each step first checks
     * the target still runs them. After a restart past the resume, only the following is left.
     */
    public RolloutStatus catchUp(RollbackOrder order, UndoPlan plan) {
        ExecutionRecord execution = ledger.load(order.executionId());
        if (execution.gitOpsResumedAt != null) {
            return changes.followSync(order, plan, execution.gitOpsResumedAt);
        }
        GitChange change = plan.gitChange();
        Runnable stillRolledBack = () -> stillRolledBack(order, plan);
        ChangeRequest request = changes.proposed(order, plan, "Rewind rolled deployment " + plan.deployment()
                + " back from " + plan.fromVersion() + " to " + plan.toVersion() + " in the cluster while "
                + change.owner() + "'s sync was paused (an emergency). This change makes Git name what runs; the sync "
                + "is resumed once it is merged.", stillRolledBack);
        if (!request.merged() && changes.merges(order)) {
            request = changes.merge(order, change, request, stillRolledBack);
        }
        if (!request.merged()) {
            Optional<ChangeRequest> merged = awaitMerge(change, request);
            if (merged.isEmpty()) {
                return failed("deployment " + plan.deployment() + " is rolled back in the cluster, but "
                        + request.url() + " was not merged within " + config.catchUpTimeout());
            }
            request = merged.get();
            changes.recordMerged(order, request);
        }
        // Resumed too early, the controller would apply the revision it knew, the faulty one.
        if (!changes.awaitFetched(order, change, request.mergeSha())) {
            return failed(change.owner() + " did not fetch " + request.mergeSha() + " (" + request.url() + ") within "
                    + config.syncTimeout() + " of asking it to refresh");
        }
        if (change.ownerKind() == GitOpsKind.FLUX_HELM_RELEASE && !changes.awaitValues(order, change, pinnedValues(change,
                DeploymentRevisions.releaseOf(plan.toRevision(), plan.template()).images()))) {
            return failed("Flux Kustomization " + change.fluxKustomization() + " did not apply " + request.mergeSha()
                    + " (" + request.url() + ") to " + change.owner() + "'s values within " + config.syncTimeout());
        }
        stillRolledBack.run();
        String resumed = pauses.resume(client(order), plan.pause(), GitOpsPause.by(order.executionId()));
        ledger.gitOpsResumed(order.executionId(), resumed + ", " + change.owner() + " having fetched "
                + request.mergeSha() + " (" + request.url() + ")");
        changes.refresh(order, change);
        return changes.followSync(order, plan, ledger.load(order.executionId()).gitOpsResumedAt);
    }

    /** The leaves of the HelmRelease's values that {@code change} sets to one of {@code images} (or their tags). */
    private static Map<List<String>, String> pinnedValues(GitChange change, Map<String, String> images) {
        Set<String> pins = new HashSet<>(images.values());
        images.values().forEach(image -> Optional.ofNullable(ImagePins.tagOf(image)).ifPresent(pins::add));
        return HelmReleaseValues.pinned(change.files(), change.ownerNamespace(), change.ownerName(), pins);
    }

    /** The request once people merged it, or empty when the catch-up timeout passed first. */
    private Optional<ChangeRequest> awaitMerge(GitChange change, ChangeRequest request) {
        Instant deadline = Instant.now().plus(config.catchUpTimeout());
        while (Instant.now().isBefore(deadline)) {
            Optional<ChangeRequest> current = changes.current(change, request).filter(ChangeRequest::merged);
            if (current.isPresent()) {
                return current;
            }
            ExecutionInterrupted.pause(config.mergePollInterval());
        }
        return Optional.empty();
    }

    /** Refuses when the target no longer runs what this rollback rolled it back to: people changed it since. */
    private void stillRolledBack(RollbackOrder order, UndoPlan plan) {
        Map<String, String> expected = DeploymentRevisions.releaseOf(plan.toRevision(), plan.template()).images();
        Map<String, String> running = DeploymentRevisions.releaseOf(rollbacks.current(order.target())).images();
        if (!running.equals(expected)) {
            throw new RollbackRefused("deployment " + plan.deployment() + " now runs " + new TreeMap<>(running)
                    + ", not " + new TreeMap<>(expected) + " this rollback left: changed since, so Git is not changed "
                    + "to match");
        }
    }

    /** A failure of the catch-up: not stuck (a rollout restart would not help). */
    private static RolloutStatus failed(String message) {
        return new RolloutStatus(true, true, message);
    }

    private KubernetesClient client(RollbackOrder order) {
        return rollbacks.observedNow(order.target()).client();
    }
}
