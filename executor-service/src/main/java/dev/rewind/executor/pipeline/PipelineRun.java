package dev.rewind.executor.pipeline;

/**
 * One run of a pipeline as the CI reports it.
 *
 * @param id the CI's identifier of the run (Bitbucket: the uuid, braces included)
 * @param number the run's number people see (Bitbucket: build_number)
 * @param url the run's page, for people
 * @param phase where the run is
 * @param detail the CI's own state and result names and any message, e.g. "COMPLETED/STOPPED"
 */
public record PipelineRun(String id, long number, String url, Phase phase, String detail) {

    /** Where a run is; FAILED covers every finished result but success (failed, error, stopped, expired). */
    public enum Phase {
        PENDING, RUNNING, SUCCEEDED, FAILED;

        /** True when the run will not change any more. */
        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }
}
