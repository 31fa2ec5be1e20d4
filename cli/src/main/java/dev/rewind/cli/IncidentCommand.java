package dev.rewind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind incident N}: one incident's record and timeline. */
@Command(name = "incident", sortOptions = false,
        description = {"Shows one incident and its timeline.",
                "Each timeline entry with its time and offset from detection. GET /api/v1/incidents/{number} at "
                        + "the incident API."})
final class IncidentCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT", converter = IncidentNumber.Converter.class,
            description = "The incident: 123 or INCIDENT-123")
    IncidentNumber number;

    @Option(names = "--json", description = "Print the API's JSON record instead")
    boolean json;

    @Override
    void run(RewindApi api) {
        String body = api.incident(number);
        out().print(json ? body + System.lineSeparator() : IncidentReport.render(RewindApi.json(body)));
    }
}
