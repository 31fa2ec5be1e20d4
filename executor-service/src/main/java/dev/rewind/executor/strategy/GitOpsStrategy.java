package dev.rewind.executor.strategy;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
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
import dev.rewind.executor.kubernetes.Redeploy;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.executor.service.ExecutionLedger;
import dev.rewind.kubernetes.DeploymentRevisions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Rolls back a target Argo CD or Flux applies from Git where its truth is: pins the last good images in the GitOps
 * repository on a branch of the head that was read, opens a pull or merge request, merges it (the rollback was
 * approved already; or leaves it for review, per configuration), asks the controller to refresh, and follows until
 * the controller reports the merged revision synced and healthy and the Deployment rolled out with the last good
 * images. The request is recorded as soon as the host answers, and a repeated proposal reuses its branch and request,
 * so one execution never opens two. Nothing is changed in the cluster but the refresh annotation.
 */
@Singleton
public class GitOpsStrategy implements RollbackStrategy {

    private static final Logger LOG = Logger.getLogger(GitOpsStrategy.class);

    private final GitOpsOwners owners;
    private final GitOpsSync sync;
    private final GitHosts hosts;
    private final DeploymentRollbacks rollbacks;
    private final ExecutionLedger ledger;
    private final ExecutorConfig.GitOps config;

    @Inject
    public GitOpsStrategy(GitOpsOwners owners, GitOpsSync sync, GitHosts hosts, DeploymentRollbacks rollbacks,
                          ExecutionLedger ledger, ExecutorConfig config) {
        this.owners = owners;
        this.sync = sync;
        this.hosts = hosts;
        this.rollbacks = rollbacks;
        this.ledger = ledger;
        this.config = config.gitops();
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
        if (!owner.reconciles()) {
            throw new MethodUnavailable(owner.describe() + " does not apply Git by itself: a change in Git would not "
                    + "be deployed until people sync or resume it");
        }
        GitOpsSource source = owners.sourceOf(observed, owner);
        GitHosts.HostedProject hosted = hosts.of(source.repositoryUrl()).orElseThrow(() -> new MethodUnavailable(
                owner.describe() + " deploys from " + source.repositoryUrl() + ", which no configured Git host serves "
                        + "(rewind.executor.gitops.git-hosts.<name>.repository-urls)"));
        Release lastGood = LastGoodRelease.of(order, observed, rollbacks);
        UndoPlan expected = Redeploy.plan(observed.deployment(), lastGood, order.incidentNumber());
        if (expected.skipped() != null) {
            return expected;
        }
        GitSnapshot snapshot;
        try {
            snapshot = hosted.host().read(hosted.project(), source.branch(), source.path());
        } catch (GitHostFailed e) {
            throw new MethodUnavailable("cannot read " + source.repositoryUrl() + " (" + e.getMessage() + ")");
        }
        Map<String, String> files = ImagePins.pin(snapshot.files(), DeploymentRevisions.releaseOf(
                observed.deployment()).images(), lastGood.images());
        String branch = "rewind/rollback-" + (order.incidentNumber() > 0 ? order.incidentNumber() + "-" : "")
                + order.executionId().toString().substring(0, 8);
        return expected.changedInGit(new GitChange(hosted.name(), hosted.project(), source.repositoryUrl(),
                source.branch(), snapshot.headSha(), source.path(), branch, files, owner.kind(), owner.namespace(),
                owner.name(), source.fluxRepository()));
    }

    @Override
    public void apply(RollbackOrder order, UndoPlan plan, boolean mayHaveBeenSent) {
        GitChange change = plan.gitChange();
        GitHost host = host(change);
        Optional<ChangeRequest> recorded = ExecutionLedger.gitChangeOf(ledger.load(order.executionId()));
        ChangeRequest request;
        if (recorded.isPresent()) {
            request = recorded.get();
        } else {
            // Again right before Git is changed: the plan may have been recorded before a restart.
            ObservedDeployment observed = rollbacks.observe(order.target(), order.judged(), order.incidentNumber());
            try {
                request = host.propose(change.project(), proposal(order, plan));
            } catch (GitHostFailed e) {
                throw new MethodUnavailable("could not propose the rollback in " + change.repositoryUrl() + " ("
                        + e.getMessage() + "); branch " + change.branch() + " and a request of it may be left: close "
                        + "them");
            }
            ledger.gitChangeRecorded(order.executionId(), request, "change " + request.url() + " opened: pins "
                    + plan.toVersion() + " in " + String.join(", ", change.files().keySet()) + " on branch "
                    + change.branch());
            LOG.infof("%s opened for deployment %s (%s)", request.url(), plan.deployment(), observed.environment()
                    .name());
        }
        if (!request.merged() && merges(order)) {
            request = merge(order, change, host, request);
        }
        if (request.merged()) {
            sync.requestRefresh(rollbacks.observedNow(order.target()).client(), change, Instant.now())
                    .ifPresent(LOG::warn);
        }
    }

    /**
     * Merges {@code request}, unless it is merged already (by an earlier run whose record was lost, or by people),
     * after checking once more that the target still runs the release judged bad; a merge that failed is read back,
     * since a lost answer may hide one that took effect.
     */
    private ChangeRequest merge(RollbackOrder order, GitChange change, GitHost host, ChangeRequest opened) {
        ChangeRequest current;
        try {
            current = host.current(change.project(), opened);
        } catch (GitHostFailed e) {
            throw new RollbackRefused("could not read " + opened.url() + " (" + e.getMessage() + "); it is not merged "
                    + "by Rewind: merge it once the target still runs the release judged bad, or close it");
        }
        if (!current.merged()) {
            // Again right before the merge: the target may have been released or rolled back since the proposal.
            try {
                rollbacks.observe(order.target(), order.judged(), order.incidentNumber());
            } catch (RollbackRefused changed) {
                throw new RollbackRefused(changed.getMessage() + "; change " + opened.url() + " left open, not "
                        + "merged: close it");
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
        ledger.gitChangeRecorded(order.executionId(), current, "change " + current.url() + " merged as "
                + current.mergeSha());
        return current;
    }

    /** The merge of {@code request}, when reading it back shows one after a failed or unanswered merge. */
    private static Optional<String> mergedAfterAll(GitChange change, GitHost host, ChangeRequest request) {
        try {
            return Optional.ofNullable(host.current(change.project(), request).mergeSha());
        } catch (GitHostFailed unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public String appliedStep() {
        return "git-change";
    }

    @Override
    public String applied(RollbackOrder order, UndoPlan plan) {
        ChangeRequest request = recorded(order);
        return request.merged() ? "rolled back in Git: " + request.url() + " merged as " + request.mergeSha() + "; "
                + plan.gitChange().owner() + " applies it" : "rollback proposed in Git for review: " + request.url()
                + "; the target is rolled back once people merge it";
    }

    @Override
    public RolloutStatus follow(RollbackOrder order, UndoPlan plan) {
        GitChange change = plan.gitChange();
        ExecutionRecord execution = ledger.load(order.executionId());
        Instant since = execution.patchSentAt == null ? Instant.now() : execution.patchSentAt;
        Duration wait = recorded(order).merged() ? config.syncTimeout() : order.rolloutTimeout();
        Instant deadline = since.plus(wait);
        Map<String, String> expected = DeploymentRevisions.releaseOf(plan.toRevision(), plan.template()).images();
        while (!DeploymentRevisions.releaseOf(rollbacks.current(order.target())).images().equals(expected)) {
            if (Instant.now().isAfter(deadline)) {
                ChangeRequest request = recorded(order);
                return failed(change.owner() + " did not deploy " + new TreeMap<>(expected) + " within " + wait
                        + " of " + request.url() + (request.merged() ? " being merged: " + state(order, change)
                        : " being opened, and it is not merged: close it, or merging it later rolls the target back "
                        + "over whatever runs then"));
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

    private boolean merges(RollbackOrder order) {
        return config.environmentMerge().getOrDefault(order.target().environment(), config.merge());
    }

    private GitHost host(GitChange change) {
        return hosts.of(change.repositoryUrl()).map(GitHosts.HostedProject::host).orElseThrow(() ->
                new RollbackRefused("no configured Git host serves " + change.repositoryUrl() + " any more"));
    }

    private ChangeRequest recorded(RollbackOrder order) {
        return ExecutionLedger.gitChangeOf(ledger.load(order.executionId())).orElseThrow(() ->
                new IllegalStateException("execution " + order.executionId() + " has no change request recorded"));
    }

    private static ProposedChange proposal(RollbackOrder order, UndoPlan plan) {
        GitChange change = plan.gitChange();
        String incident = order.incidentNumber() > 0 ? " (incident " + order.incidentNumber() + ")" : "";
        String title = "Roll back " + plan.deployment() + " to " + plan.toVersion() + incident;
        return new ProposedChange(change.base(), change.baseSha(), change.branch(), change.files(), title, title,
                "Rewind rolls deployment " + plan.deployment() + " back from " + plan.fromVersion() + " to "
                        + plan.toVersion() + incident + ", pinning the last good images where Git pins them, so that "
                        + change.owner() + " deploys them and Git names what runs.\n\nExecution " + order.executionId()
                        + ".");
    }
}
