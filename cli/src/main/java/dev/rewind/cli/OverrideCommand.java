package dev.rewind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rewind override N --reason ...}: lifts the guard that held the incident's rollback. */
@Command(name = "override", sortOptions = false,
        description = {"Lifts the guard that held the incident's rollback, with a reason.",
                "E.g. COOLDOWN; counts as your approval; only override roles may. "
                        + "POST /api/v1/approvals/{id}/override at the approval API."})
final class OverrideCommand extends VoteCommand {

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why (required, at most 2000 characters)")
    String reason;

    @Override
    String verdict() {
        return "override";
    }

    @Override
    String reason() {
        return reason;
    }
}
