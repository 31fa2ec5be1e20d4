package dev.rewind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rewind approve N}: approves the incident's rollback. */
@Command(name = "approve", sortOptions = false,
        description = {"Approves the incident's rollback request.",
                "POST /api/v1/approvals/{id}/approve at the approval API; the id is found by incident number with "
                        + "GET /api/v1/approvals. The approval service applies its rules: a refusal (409: your own "
                        + "request, voted already, decided; 403: a role that may not) exits 1 or 5 with its reason."})
final class ApproveCommand extends VoteCommand {

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (optional, at most 2000 characters)")
    String reason;

    @Override
    String verdict() {
        return "approve";
    }

    @Override
    String reason() {
        return reason;
    }
}
