package dev.rewind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rewind incidents}: the incident list, filtered, as a table or the API's JSON. */
@Command(name = "incidents", sortOptions = false,
        description = {"Lists incidents, newest first, as a table.",
                "GET /api/v1/incidents at the incident API. List filters take a comma list or repeat and match "
                        + "any of their values; filters apply together."})
final class IncidentsCommand extends ApiCommand {

    @Option(names = "--service", split = ",", paramLabel = "NAME", description = "Services, e.g. checkout")
    List<String> services;

    @Option(names = {"--environment", "--env"}, split = ",", paramLabel = "NAME",
            description = "Environments, e.g. production")
    List<String> environments;

    @Option(names = "--namespace", split = ",", paramLabel = "NAME", description = "Kubernetes namespaces")
    List<String> namespaces;

    @Option(names = "--severity", split = ",", paramLabel = "SEV", description = "Severities: P0, P1, P2, P3")
    List<String> severities;

    @Option(names = "--status", split = ",", paramLabel = "STATUS",
            description = "Statuses: open, awaiting-approval, approved, rolling-back, rolled-back, declined, "
                    + "rejected, expired, rollback-failed, rolled-back-unverified; or resolved, failed")
    List<String> statuses;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Detected at or after: 24h, 7d, 2026-11-15 (UTC) or 2026-11-15T14:25:31Z")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Detected before (same forms as --since)")
    String until;

    @Option(names = {"--text", "-q"}, paramLabel = "TEXT", description = "Text in the reason, any case")
    String text;

    @Option(names = "--limit", paramLabel = "N", description = "Incidents per page (server default 50, at most 500)")
    Integer limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The page after the one that printed it")
    String cursor;

    @Option(names = "--json", description = "Print the API's JSON page ({items, next}) instead of a table")
    boolean json;

    @Override
    void run(RewindApi api) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("service", joined(services));
        query.put("environment", joined(environments));
        query.put("namespace", joined(namespaces));
        query.put("severity", joined(severities));
        query.put("status", joined(statuses));
        query.put("from", bound("--since", since));
        query.put("to", bound("--until", until));
        query.put("q", text);
        query.put("limit", limit == null ? null : limit.toString());
        query.put("cursor", cursor);
        String body = api.incidents(query);
        if (json) {
            out().println(body);
            return;
        }
        JsonNode page = RewindApi.json(body);
        JsonNode items = page.path("items");
        if (items.isEmpty()) {
            err().println("rewind: no incidents match");
        } else {
            out().print(IncidentTable.render(items, context().clock().instant()));
        }
        JsonNode next = page.path("next");
        if (next.isTextual()) {
            err().println("rewind: more incidents: repeat with --cursor " + next.asText());
        }
    }

    private String bound(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = TimeBound.parse(value, context().clock());
            return instant.toString();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
