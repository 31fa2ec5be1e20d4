package dev.rewind.cli;

/** Why a command stops: the message for stderr and the exit code. */
public final class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** One of {@link ExitCode}'s codes. */
    public int exitCode() {
        return exitCode;
    }
}
