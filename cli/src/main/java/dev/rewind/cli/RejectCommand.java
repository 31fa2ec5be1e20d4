package dev.rewind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rewind reject N --reason ...}: rejects the incident's rollback. */
@Command(name = "reject", sortOptions = false,
        description = {"Rejects the incident's rollback request, with a reason.",
                "Ends the incident's rollback path. POST /api/v1/approvals/{id}/reject at the approval API."})
final class RejectCommand extends VoteCommand {

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why (required, at most 2000 characters)")
    String reason;

    @Override
    String verdict() {
        return "reject";
    }

    @Override
    String reason() {
        return reason;
    }
}
