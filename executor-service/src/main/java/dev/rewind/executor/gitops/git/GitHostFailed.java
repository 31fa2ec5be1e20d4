package dev.rewind.executor.gitops.git;

/**
 * A Git host's call failed: no answer ({@code status} 0), or an error status with the host's message. Transient
 * failures (no answer, 429, 5xx) are retried; the others are not.
 */
public class GitHostFailed extends RuntimeException {

    private final int status;

    public GitHostFailed(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** True when trying again later may succeed. */
    public boolean isTransient() {
        return status == 0 || status == 429 || status >= 500;
    }
}
