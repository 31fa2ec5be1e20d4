package dev.rewind.executor.config;

import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.executor.gitops.GitOpsPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The executor's configuration. */
@ConfigMapping(prefix = "rewind.executor")
public interface ExecutorConfig {

    /**
     * The rollback methods tried in order for a target whose Deployment names none (annotation
     * {@code rewind.dev/rollback-methods}) and whose environment has no chain of its own: the next is tried whenever
     * one cannot roll the target back (not configured, no history) before it changed anything.
     */
    @WithDefault("GITOPS,PIPELINE,HELM,KUBECTL,REDEPLOY")
    List<RollbackMethod> chain();

    /** Per environment name, its own chain instead of {@link #chain()}. */
    Map<String, List<RollbackMethod>> environmentChains();

    /** The methods Rewind may use at all, whatever a Deployment's annotation names. */
    @WithDefault("GITOPS,PIPELINE,HELM,KUBECTL,REDEPLOY")
    Set<RollbackMethod> allowedMethods();

    /** The chain of environment {@code environment}. */
    default List<RollbackMethod> chainOf(String environment) {
        return environmentChains().getOrDefault(environment, chain());
    }

    /** How long to wait for the controller to observe the Deployment's latest generation before planning. */
    Duration observeTimeout();

    /** How long to wait for the rollout to finish after the rollback was sent. */
    Duration rolloutTimeout();

    /**
     * Per severity (P0..P3), how long its rollout is followed instead of {@link #rolloutTimeout()}: the runbook wants
     * a P0 rolled back within 5 minutes, so its rollout is not waited on for 10.
     */
    Map<String, Duration> rolloutTimeouts();

    /** The rollout timeout of an incident of {@code severity} (null: unknown). */
    default Duration rolloutTimeoutOf(Severity severity) {
        return severity == null ? rolloutTimeout() : rolloutTimeouts().getOrDefault(severity.name(), rolloutTimeout());
    }

    /** How often to look at the Deployment while waiting. */
    Duration pollInterval();

    /** How many rollbacks (of different targets) may run at once. */
    int concurrency();

    /** After a rollback of a target, how long no other automatic rollback of it is done: people decide. */
    @WithDefault("15m")
    Duration cooldown();

    /**
     * How often the patch is planned again when the Deployment changed between plan and patch without a new pod
     * template (a scale, a status write, another controller's label), before giving up.
     */
    @WithDefault("5")
    int conflictAttempts();

    /** Retries of Kubernetes API calls that failed for a passing reason. */
    KubernetesRetry kubernetesRetry();

    /** The lease that lets exactly one executor instance drive an execution at a time. */
    Lease lease();

    /**
     * Retries of a Kubernetes API call that timed out, could not connect, or was answered 429 or 5xx: exponential
     * backoff with jitter, for at most {@link #maxDuration}. Other answers (404, 403, 409, 422, ...) are never retried.
     */
    interface KubernetesRetry {

        /** The first delay between attempts; it doubles up to {@link #maxDelay}. */
        @WithDefault("200ms")
        Duration delay();

        @WithDefault("10s")
        Duration maxDelay();

        /** Random spread added to or taken from each delay, so that instances do not retry in step. */
        @WithDefault("100ms")
        Duration jitter();

        /** How long one call keeps retrying before the execution fails with the last error. */
        @WithDefault("2m")
        Duration maxDuration();
    }

    /** How the executor tells whether Argo CD or Flux applies a target from Git (then it never undoes it in the cluster). */
    GitOps gitops();

    /** Where Argo CD keeps its Applications and how it labels what it deploys. */
    interface GitOps {

        /** The namespace Argo CD runs in: an Application named by the instance label or a tracking id lives there. */
        @WithDefault("argocd")
        String argoCdNamespace();

        /** Argo CD's instance label (argocd-cm {@code application.instanceLabelKey}). */
        @WithDefault("app.kubernetes.io/instance")
        String argoCdInstanceLabel();

        /** The branch of a source that tracks {@code HEAD} (an Argo CD Application without targetRevision). */
        @WithDefault("main")
        String defaultBranch();

        /**
         * Whether the GitOps method merges its change itself (the rollback is approved already by the approval
         * policy); false leaves it open for review, and the rollback waits for people to merge it.
         */
        @WithDefault("true")
        boolean merge();

        /** Per environment name, {@link #merge()} for that environment. */
        Map<String, Boolean> environmentMerge();

        /**
         * How a target Argo CD or Flux applies from Git is rolled back: {@code revert} (in Git, through a pull or merge
         * request), {@code pause-and-undo} (for the {@link #emergencySeverities()}: the sync paused, the target rolled
         * back in the cluster at once, Git changed to match, the sync resumed once merged; other severities revert),
         * or {@code refuse}. A Deployment's annotation {@code rewind.dev/gitops-strategy} may ask for less, never more.
         */
        @WithDefault("revert")
        GitOpsPolicy strategy();

        /** Per environment name, {@link #strategy()} for that environment. */
        Map<String, GitOpsPolicy> environmentStrategy();

        /** The severities for which {@code pause-and-undo} pauses the sync and rolls back in the cluster. */
        @WithDefault("P0")
        Set<Severity> emergencySeverities();

        /**
         * How long a paused sync waits for its change in Git to be merged by people (where changes are reviewed),
         * after which the rollback fails and the sync stays paused for people to resume.
         */
        @WithDefault("1h")
        Duration catchUpTimeout();

        /** How often a paused sync's change request is read while people are to merge it (hosts limit API calls). */
        @WithDefault("15s")
        Duration mergePollInterval();

        /** The policy of targets in {@code environment}. */
        default GitOpsPolicy strategyOf(String environment) {
            return environmentStrategy().getOrDefault(environment, strategy());
        }

        /** How long the GitOps controller has to apply the merged change, after which the rollback fails. */
        @WithDefault("5m")
        Duration syncTimeout();

        /** How often the GitOps method looks at the controller's sync status while waiting. */
        @WithDefault("2s")
        Duration syncPollInterval();

        /** Per name, a Git hosting service whose repositories GitOps resources deploy from. */
        Map<String, GitHostSettings> gitHosts();

        /** Retries of a Git host's calls that failed for a passing reason (no answer, 429, 5xx). */
        GitRetry gitRetry();
    }

    /** One Git hosting service: its kind, API, the repository URLs it serves and the token Rewind acts with. */
    interface GitHostSettings {

        GitHostType type();

        /**
         * The API's base URL: {@code https://api.github.com}, {@code https://gitlab.example.com},
         * {@code https://api.bitbucket.org}.
         */
        URI apiUrl();

        /**
         * The repository URLs it serves, as prefixes: {@code https://github.com/acme/}; SSH forms
         * ({@code git@github.com:acme/deploy.git}) match the same.
         */
        List<String> repositoryUrls();

        /** The token, from the environment or a Kubernetes Secret, never from the repository. */
        String token();

        /**
         * Bitbucket only: the Atlassian account's email, when {@link #token()} is that account's API token (sent by
         * basic authentication); without it the token is an access token, sent as a bearer token.
         */
        Optional<String> username();

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("15s")
        Duration readTimeout();
    }

    /** The Git hosting services Rewind speaks to. */
    enum GitHostType {
        GITHUB, GITLAB, BITBUCKET
    }

    /** Exponential backoff with jitter for a Git host's calls, for at most {@link #maxDuration}. */
    interface GitRetry {

        @WithDefault("500ms")
        Duration delay();

        @WithDefault("10s")
        Duration maxDelay();

        @WithDefault("200ms")
        Duration jitter();

        @WithDefault("1m")
        Duration maxDuration();
    }

    /** The execution lease: held while driving, renewed, taken over by another instance when it expired. */
    interface Lease {

        /** How long a lease lasts unless renewed: an instance that died gives its executions up after this. */
        @WithDefault("30s")
        Duration duration();

        /** How often an instance renews the leases of the executions it drives (well below the duration). */
        @WithDefault("10s")
        Duration renewEvery();

        /** How often an instance looks for unfinished executions whose lease expired, to take them over. */
        @WithDefault("15s")
        Duration sweepEvery();

        /** This instance's name in lease_owner; by default the host name and a random suffix. */
        Optional<String> owner();
    }
}
