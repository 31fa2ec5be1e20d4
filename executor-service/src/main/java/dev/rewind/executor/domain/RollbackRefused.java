package dev.rewind.executor.domain;

/** The rollback cannot be done; the message is the tool's own words (kubectl's, Helm's), for people to read. */
public class RollbackRefused extends RuntimeException {

    public RollbackRefused(String message) {
        super(message);
    }
}
