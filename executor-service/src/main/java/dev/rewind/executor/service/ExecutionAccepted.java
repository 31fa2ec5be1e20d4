package dev.rewind.executor.service;

import java.util.UUID;

/** CDI event: an execution was recorded; observed after commit to start the rollback at once. */
public record ExecutionAccepted(UUID executionId) {
}
