package dev.rewind.executor.domain;

/** The executor is stopping: the execution stays as recorded, to be resumed by whichever instance takes it. */
public class ExecutionInterrupted extends RuntimeException {

    public ExecutionInterrupted() {
        super("interrupted: the executor is stopping");
    }
}
