package dev.rewind.events.request;

import dev.rewind.events.IncidentScoped;

/** Events of topic {@code rewind.rollback-requests}: decisions to roll a target back, awaiting approval. */
public sealed interface RollbackRequestEvent extends IncidentScoped permits RollbackRequested {
}
