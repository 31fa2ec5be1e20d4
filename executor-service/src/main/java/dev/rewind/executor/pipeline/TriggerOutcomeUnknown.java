package dev.rewind.executor.pipeline;

/**
 * A trigger may have reached the CI but its answer did not come back (a read timeout, a dropped connection, a 500,
 * 502 or 504): a run may have started. Never retried, because that could start a second run; look for the run with
 * {@link CiPipelines#findRun} instead.
 */
public class TriggerOutcomeUnknown extends PipelineCallFailed {

    public TriggerOutcomeUnknown(String message, Throwable cause) {
        super(message, cause);
    }
}
