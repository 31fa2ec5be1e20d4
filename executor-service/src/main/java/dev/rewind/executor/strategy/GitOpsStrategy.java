package dev.rewind.executor.strategy;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.gitops.GitChange;
import dev.rewind.executor.gitops.GitOpsOwner;
import dev.rewind.executor.gitops.GitOpsOwners;
import dev.rewind.executor.gitops.git.ChangeRequest;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.Redeploy;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.executor.service.ExecutionLedger;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Rolls back a target Argo CD or Flux applies from Git where its truth is: pins the last good images in the GitOps
 * repository on a branch of the head that was read, opens a pull or merge request, merges it (the rollback was
 * approved already; or leaves it for review, per configuration), asks the controller to refresh, and follows until
 * the controller reports the merged revision synced and healthy and the Deployment rolled out with the last good
 * images ({@link GitOpsChanges}). Nothing is changed in the cluster but the refresh annotation.
 */
@Singleton
public class GitOpsStrategy implements RollbackStrategy {

    private final GitOpsOwners owners;
    private final GitOpsChanges changes;
    private final DeploymentRollbacks rollbacks;
    private final ExecutionLedger ledger;

    @Inject
    public GitOpsStrategy(GitOpsOwners owners, GitOpsChanges changes, DeploymentRollbacks rollbacks,
                          ExecutionLedger ledger) {
        this.owners = owners;
        this.changes = changes;
        this.rollbacks = rollbacks;
        this.ledger = ledger;
    }

    @Override
    public RollbackMethod method() {
        return RollbackMethod.GITOPS;
    }

    @Override
    public UndoPlan plan(RollbackOrder order, ObservedDeployment observed) {
        String deployment = order.target().namespace() + "/" + observed.deployment().getMetadata().getName();
        GitOpsOwner owner = owners.of(observed).owner();
        if (owner == null) {
            throw new MethodUnavailable("deployment " + deployment + " is not applied from Git by Argo CD or Flux");
        }
        GitOpsChanges.requireSyncing(owner);
        Release lastGood = LastGoodRelease.of(order, observed, rollbacks);
        UndoPlan expected = Redeploy.plan(observed.deployment(), lastGood, order.incidentNumber());
        if (expected.skipped() != null) {
            return expected;
        }
        return expected.changedInGit(changes.plan(order, observed, owner, lastGood.images()));
    }

    @Override
    public void apply(RollbackOrder order, UndoPlan plan, boolean mayHaveBeenSent) {
        GitChange change = plan.gitChange();
        // Checked again right before Git is changed, and before the merge: the plan may have been recorded before a
        // restart, and the target may have been released or rolled back since the proposal.
        Runnable stillJudgedBad = () -> rollbacks.observe(order.target(), order.judged(), order.incidentNumber());
        ChangeRequest request = changes.proposed(order, plan, "Rewind rolls deployment " + plan.deployment()
                + " back from " + plan.fromVersion() + " to " + plan.toVersion() + ", pinning the last good images "
                + "where Git pins them, so that " + change.owner() + " deploys them and Git names what runs.",
                stillJudgedBad);
        if (!request.merged() && changes.merges(order)) {
            request = changes.merge(order, change, request, stillJudgedBad);
        }
        if (request.merged()) {
            changes.refresh(order, change);
        }
    }

    @Override
    public String appliedStep() {
        return "git-change";
    }

    @Override
    public String applied(RollbackOrder order, UndoPlan plan) {
        ChangeRequest request = changes.recorded(order);
        return request.merged() ? "rolled back in Git: " + request.url() + " merged as " + request.mergeSha() + "; "
                + plan.gitChange().owner() + " applies it" : "rollback proposed in Git for review: " + request.url()
                + "; the target is rolled back once people merge it";
    }

    @Override
    public RolloutStatus follow(RollbackOrder order, UndoPlan plan) {
        ExecutionRecord execution = ledger.load(order.executionId());
        return changes.followSync(order, plan, execution.patchSentAt == null ? Instant.now() : execution.patchSentAt);
    }
}
