package dev.rewind.events.command;

import dev.rewind.events.IncidentScoped;

/** Events of topic {@code rewind.rollback-commands}: approved rollbacks for the executor to perform. */
public sealed interface RollbackCommand extends IncidentScoped permits RollbackApproved {
}
