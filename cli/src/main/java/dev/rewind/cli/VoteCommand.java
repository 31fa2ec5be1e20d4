package dev.rewind.cli;

import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A vote on an incident's approval request, cast through the approval API under its rules (the same as Slack's):
 * the server decides whether it counts, and its refusal is printed as it gives it.
 */
abstract class VoteCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT",
            description = "The incident (123 or INCIDENT-123), or its approval request's id (a UUID)")
    String incident;

    @Option(names = "--json", description = "Print the API's JSON answer instead")
    boolean json;

    /** {@code approve}, {@code reject} or {@code override}: the API's path segment. */
    abstract String verdict();

    /** The reason given, or null. */
    abstract String reason();

    @Override
    void run(RewindApi api) {
        UUID requestId = requestId(api);
        String body = api.vote(requestId, verdict(), reason());
        out().println(json ? body : VoteReport.render(RewindApi.json(body)));
    }

    private UUID requestId(RewindApi api) {
        try {
            return UUID.fromString(incident);
        } catch (IllegalArgumentException notAnId) {
            try {
                return ApprovalLookup.requestOf(api, IncidentNumber.parse(incident));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()
                        + ", or an approval request's id");
            }
        }
    }
}
