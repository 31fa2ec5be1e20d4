package dev.rewind.executor.strategy;

import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.gitops.GitChange;
import dev.rewind.executor.gitops.GitOpsOwner;
import dev.rewind.executor.gitops.GitOpsOwners;
import dev.rewind.executor.gitops.GitOpsSource;
import dev.rewind.executor.gitops.GitOpsSync;
import dev.rewind.executor.gitops.GitOpsSyncState;
import dev.rewind.executor.gitops.HelmReleaseValues;
import dev.rewind.executor.gitops.ImagePins;
import dev.rewind.executor.gitops.git.ChangeRequest;
import dev.rewind.executor.gitops.git.GitChangeRefused;
import dev.rewind.executor.gitops.git.GitHost;
import dev.rewind.executor.gitops.git.GitHostFailed;
import dev.rewind.executor.gitops.git.GitHosts;
import dev.rewind.executor.gitops.git.GitSnapshot;
import dev.rewind.executor.gitops.git.ProposedChange;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.service.ExecutionLedger;
import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The Git half of a GitOps rollback, shared by the gitops method and the catch-up after an emergency undo: plans the
 * change pinning the rolled-back images in the owner's repository, proposes it once per execution (recorded as soon as
 * the host answers; a repeated proposal reuses branch and request), merges it after a last check of the target, and
 * follows the controller until it reports a revision including the merge synced and healthy.
 */
@Singleton
public class GitOpsChanges {

    private static final Logger LOG = Logger.getLogger(GitOpsChanges.class);

    private final GitOpsOwners owners;
    private final GitOpsSync sync;
    private final GitHosts hosts;
    private final DeploymentRollbacks rollbacks;
    private final ExecutionLedger ledger;
    private final ExecutorConfig.GitOps config;

    @Inject
    public GitOpsChanges(GitOpsOwners owners, GitOpsSync sync, GitHosts hosts, DeploymentRollbacks rollbacks,
                         ExecutionLedger ledger, ExecutorConfig config) {
        this.owners = owners;
        this.sync = sync;
        this.hosts = hosts;
        this.rollbacks = rollbacks;
        this.ledger = ledger;
        this.config = config.gitops();
    }

    /**
     * Plans the change that makes Git pin {@code images} (container name to image) where it pins what
     * {@code observed} runs now, in the repository {@code owner} deploys from.
     *
     * @throws MethodUnavailable when Rewind cannot change that repository (owner not syncing, no configured host,
     *                           unreadable, the images not pinned there unambiguously)
     */
    public GitChange plan(RollbackOrder order, ObservedDeployment observed, GitOpsOwner owner,
                          Map<String, String> images) {
        requireSyncing(owner);
        GitOpsSource source = owners.sourceOf(observed, owner);
        GitHosts.HostedProject hosted = hosts.of(source.repositoryUrl()).orElseThrow(() -> new MethodUnavailable(
                owner.describe() + " deploys from " + source.repositoryUrl() + ", which no configured Git host serves "
                        + "(rewind.executor.gitops.git-hosts.<name>.repository-urls)"));
        GitSnapshot snapshot;
        try {
            snapshot = hosted.host().read(hosted.project(), source.branch(), source.path());
        } catch (GitHostFailed e) {
            throw new MethodUnavailable("cannot read " + source.repositoryUrl() + " (" + e.getMessage() + ")");
        }
        Map<String, String> files = ImagePins.pin(snapshot.files(), DeploymentRevisions.releaseOf(
                observed.deployment()).images(), images);
        String branch = "rewind/rollback-" + (order.incidentNumber() > 0 ? order.incidentNumber() + "-" : "")
                + order.executionId().toString().substring(0, 8);
        return new GitChange(hosted.name(), hosted.project(), source.repositoryUrl(), source.branch(),
                snapshot.headSha(), source.path(), branch, files, owner.kind(), owner.namespace(), owner.name(),
                source.fluxRepository(), source.fluxKustomization());
    }

    /**
     * Refuses an owner that does not apply Git by itself: a change in Git would not be deployed.
     *
     * @throws MethodUnavailable naming it
     */
    static void requireSyncing(GitOpsOwner owner) {
        if (!owner.reconciles()) {
            throw new MethodUnavailable(owner.describe() + " does not apply Git by itself: a change in Git would not "
                    + "be deployed until people sync or resume it");
        }
    }

    /**
     * The change request of {@code plan}'s change: the one recorded for the execution, else one proposed now (after
     * {@code check}, which throws when the target is no longer what the change was planned for) and recorded.
     *
     * @param why the request's description: what the change does and why
     */
    public ChangeRequest proposed(RollbackOrder order, UndoPlan plan, String why, Runnable check) {
        Optional<ChangeRequest> recorded = ExecutionLedger.gitChangeOf(ledger.load(order.executionId()));
        if (recorded.isPresent()) {
            return recorded.get();
        }
        GitChange change = plan.gitChange();
        check.run();
        ChangeRequest request;
        try {
            request = host(change).propose(change.project(), proposal(order, plan, why));
        } catch (GitHostFailed e) {
            throw new MethodUnavailable("could not propose the rollback in " + change.repositoryUrl() + " ("
                    + e.getMessage() + "); branch " + change.branch() + " and a request of it may be left: close them");
        }
        ledger.gitChangeRecorded(order.executionId(), request, "change " + request.url() + " opened: pins "
                + plan.toVersion() + " in " + String.join(", ", change.files().keySet()) + " on branch "
                + change.branch());
        LOG.infof("%s opened for deployment %s", request.url(), plan.deployment());
        return request;
    }

    /**
     * Merges {@code opened}, unless it is merged already (by an earlier run whose record was lost, or by people),
     * after {@code check} (which throws when the target is no longer what the change was planned for); a merge that
     * failed is read back, since a lost answer may hide one that took effect. Recorded with its merge commit.
     */
    public ChangeRequest merge(RollbackOrder order, GitChange change, ChangeRequest opened, Runnable check) {
        GitHost host = host(change);
        ChangeRequest current;
        try {
            current = host.current(change.project(), opened);
        } catch (GitHostFailed e) {
            throw new RollbackRefused("could not read " + opened.url() + " (" + e.getMessage() + "); it is not merged "
                    + "by Rewind: merge it only if the target still runs what it was opened for, or close it");
        }
        if (!current.merged()) {
            try {
                check.run();
            } catch (RollbackRefused changed) {
                throw new RollbackRefused(changed.getMessage() + closeStale(change, opened, "Rewind did not merge "
                        + "this rollback: " + changed.getMessage() + "."));
            }
            String sha;
            try {
                sha = host.merge(change.project(), opened);
            } catch (GitHostFailed e) {
                sha = mergedAfterAll(change, host, opened).orElseThrow(() -> new RollbackRefused((e instanceof
                        GitChangeRefused ? e.getMessage() : "could not merge " + opened.url() + " (" + e.getMessage()
                        + ")") + "; the change stays open at " + opened.url() + ": merge it once it can be (and "
                        + change.owner() + " rolls the target back), or close it"));
            }
            current = new ChangeRequest(opened.number(), opened.url(), opened.branch(), opened.headSha(), sha);
        }
        recordMerged(order, current);
        return current;
    }

    /**
     * Closes {@code request}, which no longer fits what runs, so that nobody merges it later, with {@code why} as its
     * comment; what a reason adds about it: closed, or left open for people to close when the host would not.
     */
    String closeStale(GitChange change, ChangeRequest request, String why) {
        try {
            host(change).close(change.project(), request, why);
            return "; change " + request.url() + " closed, not merged";
        } catch (GitHostFailed | RollbackRefused e) {
            return "; change " + request.url() + " left open, not merged (closing it failed: " + e.getMessage()
                    + "): close it";
        }
    }

    /** {@code request} as its host shows it now, merged or not; empty when the host cannot be read right now. */
    public Optional<ChangeRequest> current(GitChange change, ChangeRequest request) {
        try {
            return Optional.of(host(change).current(change.project(), request));
        } catch (GitHostFailed e) {
            LOG.warnf("cannot read %s now: %s", request.url(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Records that {@code merged} was merged, with its merge commit. */
    public void recordMerged(RollbackOrder order, ChangeRequest merged) {
        ledger.gitChangeRecorded(order.executionId(), merged, "change " + merged.url() + " merged as "
                + merged.mergeSha());
    }

    /** Whether Rewind merges its changes in the target's environment, rather than leaving them for review. */
    public boolean merges(RollbackOrder order) {
        return config.environmentMerge().getOrDefault(order.target().environment(), config.merge());
    }

    /** Asks {@code change}'s owner to look at Git now; what could not be asked is logged (its interval still runs). */
    public void refresh(RollbackOrder order, GitChange change) {
        sync.requestRefresh(rollbacks.observedNow(order.target()).client(), change, Instant.now()).ifPresent(LOG::warn);
    }

    /**
     * Waits, within the sync timeout, until {@code change}'s controller fetched a revision that includes {@code sha}
     * ({@link GitOpsSync#fetched}), asking it to refresh first; false when it did not.
     */
    public boolean awaitFetched(RollbackOrder order, GitChange change, String sha) {
        refresh(order, change);
        GitHost host = host(change);
        Instant deadline = Instant.now().plus(config.syncTimeout());
        while (true) {
            Optional<String> fetched = sync.fetched(rollbacks.observedNow(order.target()).client(), change);
            try {
                if (fetched.isPresent() && host.includes(change.project(), fetched.get(), sha)) {
                    return true;
                }
            } catch (GitHostFailed e) {
                LOG.warnf("cannot tell whether %s includes %s now: %s", fetched.get(), sha, e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            ExecutionInterrupted.pause(config.syncPollInterval());
        }
    }

    /**
     * Waits, within the sync timeout, until {@code change}'s HelmRelease holds {@code pinned} in its values: its
     * Kustomization applied the merge to it. False when it did not (or the HelmRelease is gone).
     */
    public boolean awaitValues(RollbackOrder order, GitChange change, Map<List<String>, String> pinned) {
        Instant deadline = Instant.now().plus(config.syncTimeout());
        while (true) {
            Optional<GenericKubernetesResource> owner = sync.owner(rollbacks.observedNow(order.target()).client(),
                    change);
            if (owner.isEmpty()) {
                return false;
            }
            if (HelmReleaseValues.holds(owner.get(), pinned)) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            ExecutionInterrupted.pause(config.syncPollInterval());
        }
    }

    /** The change request recorded for the execution. */
    public ChangeRequest recorded(RollbackOrder order) {
        return ExecutionLedger.gitChangeOf(ledger.load(order.executionId())).orElseThrow(() ->
                new IllegalStateException("execution " + order.executionId() + " has no change request recorded"));
    }

    /**
     * Follows {@code plan}'s change from {@code since}: until the Deployment runs the plan's images (within the sync
     * timeout once merged, else the rollout timeout: people may merge meanwhile), its rollout finished, and the owner
     * reports a revision including the merge synced and healthy (within the sync timeout more). Failures are not
     * "stuck": a rollout restart would be an in-cluster change the controller sets back.
     */
    public RolloutStatus followSync(RollbackOrder order, UndoPlan plan, Instant since) {
        GitChange change = plan.gitChange();
        Duration wait = recorded(order).merged() ? config.syncTimeout() : order.rolloutTimeout();
        Instant deadline = since.plus(wait);
        Map<String, String> expected = DeploymentRevisions.releaseOf(plan.toRevision(), plan.template()).images();
        while (!DeploymentRevisions.releaseOf(rollbacks.current(order.target())).images().equals(expected)) {
            if (Instant.now().isAfter(deadline)) {
                ChangeRequest request = recorded(order);
                return failed(change.owner() + " did not deploy " + new TreeMap<>(expected) + " within " + wait
                        + " of " + request.url() + (request.merged() ? " being merged: " + state(order, change)
                        : " being opened, and nobody merged it" + closeStale(change, request, "Nobody merged this "
                        + "rollback within " + wait + ": merged later, it would roll the target back over whatever "
                        + "runs then.")));
            }
            ExecutionInterrupted.pause(config.syncPollInterval());
        }
        RolloutStatus rollout = rollbacks.awaitRollout(order.target(), plan, order.rolloutTimeout());
        if (rollout.failed()) {
            return failed(rollout.message());
        }
        String sha = recorded(order).mergeSha();
        GitHost host = host(change);
        while (true) {
            Optional<GitOpsSyncState> state = sync.state(rollbacks.observedNow(order.target()).client(), change);
            String unconfirmed = null;
            if (state.isPresent() && state.get().syncedAndHealthy()) {
                try {
                    if (sha == null || host.includes(change.project(), state.get().commit(), sha)) {
                        return new RolloutStatus(true, false, change.owner() + " reports " + state.get().detail()
                                + "; " + rollout.message());
                    }
                } catch (GitHostFailed e) {
                    unconfirmed = "; whether that revision includes " + sha + " could not be read (" + e.getMessage()
                            + ")";
                }
            }
            if (Instant.now().isAfter(deadline.plus(config.syncTimeout()))) {
                return failed("deployment " + plan.deployment() + " runs the last good images, but " + change.owner()
                        + " does not report " + (sha == null ? "them" : sha) + " synced and healthy: "
                        + state.map(GitOpsSyncState::detail).orElse("it no longer exists")
                        + (unconfirmed == null ? "" : unconfirmed));
            }
            ExecutionInterrupted.pause(config.syncPollInterval());
        }
    }

    private String state(RollbackOrder order, GitChange change) {
        return sync.state(rollbacks.observedNow(order.target()).client(), change).map(GitOpsSyncState::detail)
                .orElse("it no longer exists");
    }

    /** A failed rollout, not a stuck one: a rollout restart would be an in-cluster change the controller reverts. */
    private static RolloutStatus failed(String message) {
        return new RolloutStatus(true, true, message);
    }

    /** The merge of {@code request}, when reading it back shows one after a failed or unanswered merge. */
    private static Optional<String> mergedAfterAll(GitChange change, GitHost host, ChangeRequest request) {
        try {
            return Optional.ofNullable(host.current(change.project(), request).mergeSha());
        } catch (GitHostFailed unreadable) {
            return Optional.empty();
        }
    }

    private GitHost host(GitChange change) {
        return hosts.of(change.repositoryUrl()).map(GitHosts.HostedProject::host).orElseThrow(() ->
                new RollbackRefused("no configured Git host serves " + change.repositoryUrl() + " any more"));
    }

    private static ProposedChange proposal(RollbackOrder order, UndoPlan plan, String why) {
        GitChange change = plan.gitChange();
        String incident = order.incidentNumber() > 0 ? " (incident " + order.incidentNumber() + ")" : "";
        String title = "Roll back " + plan.deployment() + " to " + plan.toVersion() + incident;
        return new ProposedChange(change.base(), change.baseSha(), change.branch(), change.files(), title, title,
                why + "\n\nExecution " + order.executionId() + ".");
    }
}
