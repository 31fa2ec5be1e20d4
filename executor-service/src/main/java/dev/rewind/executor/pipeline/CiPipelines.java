package dev.rewind.executor.pipeline;

import java.util.Optional;

/** A CI system that runs a repository's rollback pipeline and reports how the run went. */
public interface CiPipelines {

    /** Why this CI cannot be called at all (no credentials, say), or empty when it can. */
    Optional<String> unavailable();

    /**
     * Starts the pipeline; returns the run as the CI named it (id, number, link).
     *
     * @throws PipelineUnavailable when the CI refuses (a 4xx answer: the message says what to fix)
     * @throws TriggerOutcomeUnknown when the request may have reached the CI but no answer came (a read timeout, a
     *     500/502/504): a run may have started, so look for it with {@link #findRun} before triggering again
     * @throws PipelineCallFailed when the CI could not be reached or kept answering 429/503 until the retries gave up:
     *     no run was started
     */
    PipelineRun trigger(PipelineTrigger trigger);

    /**
     * The run's state now.
     *
     * @throws PipelineUnavailable when the CI refuses (the run or repository does not exist, bad credentials)
     * @throws PipelineCallFailed when the CI kept failing (5xx, 429, timeouts) until the retries gave up
     */
    PipelineRun run(String repository, String runId);

    /**
     * The most recent run of {@code repository} whose variables include {@link PipelineTrigger#EXECUTION_VARIABLE} =
     * {@code executionVariableValue}: used after a crash between sending the trigger and recording its answer, so a
     * second run is never started. Empty when none of the most recent runs carries it.
     *
     * @throws PipelineUnavailable when the CI does not show a recent run's variables, so it cannot tell
     */
    Optional<PipelineRun> findRun(String repository, String executionVariableValue);
}
