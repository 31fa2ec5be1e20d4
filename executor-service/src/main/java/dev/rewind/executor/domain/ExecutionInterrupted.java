package dev.rewind.executor.domain;

import java.time.Duration;

/** The executor is stopping: the execution stays as recorded, to be resumed by whichever instance takes it. */
public class ExecutionInterrupted extends RuntimeException {

    public ExecutionInterrupted() {
        super("interrupted: the executor is stopping");
    }

    /**
     * Waits {@code interval} between two looks at something being followed; an interrupt (the executor stopping)
     * leaves the execution to be resumed, never failed for it (see RollbackRunner).
     */
    public static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        }
    }
}
