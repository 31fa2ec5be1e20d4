package dev.rewind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind postmortem N}: the incident's post-mortem, Markdown to stdout. */
@Command(name = "postmortem", sortOptions = false,
        description = {"Prints the incident's post-mortem (Markdown).",
                "In the runbook's template. GET /api/v1/incidents/{number}/postmortem at the incident API."})
final class PostMortemCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT", converter = IncidentNumber.Converter.class,
            description = "The incident: 123 or INCIDENT-123")
    IncidentNumber number;

    @Option(names = "--json", description = "Print it as the API's JSON instead")
    boolean json;

    @Override
    void run(RewindApi api) {
        String body = api.postMortem(number, json);
        out().print(body.endsWith("\n") ? body : body + System.lineSeparator());
    }
}
