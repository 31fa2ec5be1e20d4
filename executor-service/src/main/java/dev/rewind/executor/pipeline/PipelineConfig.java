package dev.rewind.executor.pipeline;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The rollback pipeline's settings: which pipeline runs, how it is followed, and how Bitbucket is reached. */
// Unremovable: Quarkus drops a mapping no bean injects, and its properties under rewind.executor would then fail the
// start as unknown (SRCFG00050) in any application where the pipeline client is unused.
@Unremovable
@ConfigMapping(prefix = "rewind.executor.pipeline")
public interface PipelineConfig {

    /** The placeholder in {@link #namePattern()} that the target's environment replaces. */
    String ENVIRONMENT = "{environment}";

    /** The branch whose bitbucket-pipelines.yml defines the rollback pipeline, when a target names none. */
    @WithDefault("main")
    String ref();

    /** The custom pipeline's name; {@value #ENVIRONMENT} stands for the target's environment. */
    @WithDefault("rollback-{environment}")
    String namePattern();

    /** How often a running pipeline is looked at. */
    @WithDefault("10s")
    Duration pollInterval();

    /**
     * How long a run that succeeded must leave the target unchanged on the release judged bad (same generation, same
     * release) before the next method takes over: a pipeline whose deploy lands a little later is waited for.
     */
    @WithDefault("30s")
    Duration settle();

    /** How long a run may take before the rollback by pipeline counts as failed. */
    @WithDefault("30m")
    Duration timeout();

    /** How many of a repository's most recent runs {@link CiPipelines#findRun} looks through (Bitbucket allows 100). */
    @WithDefault("20")
    int recentRunsSearched();

    /**
     * The repository ({@code workspace/repo_slug}) whose rollback pipeline rolls back each Deployment, by Deployment
     * name, for Deployments without the annotation {@code rewind.dev/pipeline-repository}.
     */
    Map<String, String> repositories();

    Bitbucket bitbucket();

    Retry retry();

    /** The custom pipeline to run for a target in {@code environment}. */
    default String pipelineFor(String environment) {
        return namePattern().replace(ENVIRONMENT, environment);
    }

    /** Bitbucket Cloud: where its API is, and the credentials (a bearer token, or a user name with an API token). */
    interface Bitbucket {

        @WithDefault("https://api.bitbucket.org")
        URI url();

        /** Where people see a run: {@code <web-url>/<workspace>/<repo_slug>/pipelines/results/<number>}. */
        @WithDefault("https://bitbucket.org")
        URI webUrl();

        /** A repository, project or workspace access token (or OAuth token), sent as a bearer token. */
        Optional<String> token();

        /** With {@link #apiToken()}, when there is no {@link #token()}: the Atlassian account's email. */
        Optional<String> username();

        Optional<String> apiToken();

        @WithDefault("5s")
        Duration connectTimeout();

        /** How long to wait for an answer; a trigger that times out is never retried (it may have started a run). */
        @WithDefault("15s")
        Duration readTimeout();
    }

    /**
     * Retries of calls that failed for a passing reason: exponential backoff from {@link #delay()} up to
     * {@link #maxDelay()} (or Bitbucket's Retry-After, up to max-delay), for at most {@link #maxDuration()}.
     */
    interface Retry {

        @WithDefault("1s")
        Duration delay();

        @WithDefault("15s")
        Duration maxDelay();

        @WithDefault("200ms")
        Duration jitter();

        @WithDefault("1m")
        Duration maxDuration();
    }
}
