package dev.rewind.executor.pipeline;

/** The CI refused the request for good (credentials, repository, pipeline definition): the message says what to fix. */
public class PipelineUnavailable extends RuntimeException {

    public PipelineUnavailable(String message) {
        super(message);
    }
}
