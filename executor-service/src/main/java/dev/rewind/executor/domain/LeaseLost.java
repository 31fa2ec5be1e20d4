package dev.rewind.executor.domain;

import java.util.UUID;

/** This instance no longer holds an execution's lease: another instance drives it now, so this one stops. */
public class LeaseLost extends RuntimeException {

    public LeaseLost(UUID executionId) {
        super("lease of execution " + executionId + " is no longer held by this instance");
    }
}
