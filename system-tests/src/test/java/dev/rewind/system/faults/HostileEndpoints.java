package dev.rewind.system.faults;

import dev.rewind.events.TargetKey;
import dev.rewind.system.faults.HttpEndpoint.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every HTTP endpoint the five services serve, each with a valid body to attack (when it reads one) and the query
 * parameters it reads; {@link #undeclared} finds those the list misses, from the services' sources.
 */
final class HostileEndpoints {

    private static final List<String> PARKED_PARAMETERS = List.of("limit");
    private static final Pattern HTTP_METHOD = Pattern.compile("^\\s*@(GET|POST|PUT|PATCH|DELETE)\\b",
            Pattern.MULTILINE);

    private HostileEndpoints() {
    }

    /**
     * The endpoints, the incident ones about {@code incident} (a real incident whose rollback completed, so that
     * edits reach the database) and the payloads naming {@code target}.
     */
    static List<HttpEndpoint> all(Path root, TargetKey target, UUID incident) {
        List<HttpEndpoint> endpoints = new ArrayList<>();
        String alertmanager = FaultLab.alertBody(target);
        String vote = "{\"reason\":\"hostile input scenario\"}";
        String request = UUID.randomUUID().toString();
        String detector = "detector-service";
        endpoints.add(body(detector, "AlertWebhookResource", "POST", "/api/v1/alerts/alertmanager",
                Credentials.WEBHOOK_TOKEN, alertmanager, "/alerts/0/annotations/summary"));
        endpoints.add(body(detector, "AlertWebhookResource", "POST", "/api/v1/alerts/grafana",
                Credentials.WEBHOOK_TOKEN, payload(root, "grafana-firing", target), "/alerts/0/annotations/summary"));
        endpoints.add(body(detector, "AlertWebhookResource", "POST", "/api/v1/alerts/datadog",
                Credentials.WEBHOOK_TOKEN, payload(root, "datadog-recommended-triggered", target), "/body"));
        endpoints.add(body(detector, "AlertWebhookResource", "POST", "/api/v1/alerts/newrelic",
                Credentials.WEBHOOK_TOKEN, payload(root, "newrelic-activated", target), "/title"));
        endpoints.add(body(detector, "RollbackRequestResource", "POST", "/api/v1/rollbacks", Credentials.PERSON_TOKEN,
                "{\"environment\":\"development\",\"namespace\":\"shop\",\"service\":\"" + target.service()
                        + "-absent\",\"reason\":\"hostile input scenario\",\"severity\":\"P3\"}", "/reason"));
        String approval = "approval-service";
        endpoints.add(query(approval, "ApprovalResource", "/api/v1/approvals", Credentials.PERSON_TOKEN,
                List.of("state", "environment", "severity", "limit")));
        endpoints.add(query(approval, "ApprovalResource", "/api/v1/approvals/{id}", Credentials.PERSON_TOKEN,
                List.of()));
        for (String verdict : List.of("approve", "reject", "override")) {
            endpoints.add(body(approval, "ApprovalResource", "POST", "/api/v1/approvals/" + request + "/" + verdict,
                    Credentials.PERSON_TOKEN, vote, "/reason"));
        }
        endpoints.add(new HttpEndpoint(approval, "SlackInteractionResource", "POST", "/api/v1/slack/interactions",
                Credentials.SLACK_SIGNATURE, "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0HOSTILE\","
                + "\"username\":\"hostile\"},\"actions\":[{\"action_id\":\"approve\",\"value\":\"" + request
                + "\"}],\"response_url\":\"http://127.0.0.1:9/\"}", "/user/username", List.of(), true));
        endpoints.add(query("executor-service", "BlockedReleasesResource", "/api/v1/blocked-releases",
                Credentials.NONE, List.of("target", "limit")));
        String postmortem = "postmortem-service";
        String incidentPath = "/api/v1/incidents/" + incident;
        endpoints.add(query(postmortem, "ChecklistOverdueResource", "/api/v1/checklist/overdue",
                Credentials.PERSON_TOKEN, List.of("environment", "service", "limit")));
        endpoints.add(query(postmortem, "ChecklistResource", "/api/v1/incidents/{id}/checklist",
                Credentials.PERSON_TOKEN, List.of()));
        endpoints.add(body(postmortem, "ChecklistResource", "PUT", incidentPath + "/checklist/document-root-cause",
                Credentials.PERSON_TOKEN, "{\"checked\":false,\"note\":\"hostile input scenario\"}", "/note"));
        endpoints.add(query(postmortem, "IncidentResource", "/api/v1/incidents", Credentials.PERSON_TOKEN,
                List.of("service", "environment", "namespace", "severity", "status", "from", "to", "q", "limit",
                        "cursor")));
        endpoints.add(query(postmortem, "IncidentResource", "/api/v1/incidents/{id}", Credentials.PERSON_TOKEN,
                List.of()));
        endpoints.add(query(postmortem, "IncidentStatisticsResource", "/api/v1/incidents/statistics",
                Credentials.PERSON_TOKEN, List.of("from", "to", "service", "environment", "namespace")));
        endpoints.add(query(postmortem, "PostMortemResource", "/api/v1/incidents/{id}/postmortem",
                Credentials.PERSON_TOKEN, List.of("format")));
        endpoints.add(body(postmortem, "PostMortemResource", "PATCH", incidentPath + "/postmortem",
                Credentials.PERSON_TOKEN, "{\"rootCause\":\"hostile input scenario\"}", "/rootCause"));
        endpoints.addAll(console(incident, request));
        for (String service : FaultLab.SERVICES) {
            endpoints.add(query(service, "ParkedOutboxResource", "/api/v1/outbox/parked", Credentials.NONE,
                    PARKED_PARAMETERS));
            endpoints.add(new HttpEndpoint(service, "ParkedOutboxResource", "POST",
                    "/api/v1/outbox/parked/{position}/replay", Credentials.NONE, null, null, List.of(), false));
        }
        return endpoints;
    }

    /**
     * Every JAX-RS resource class in the services' and the platform's main sources (REST clients excluded) that
     * declares more or fewer endpoints (HTTP method annotations) than {@code endpoints} attack (distinct method and
     * path): empty when the list covers every endpoint.
     */
    static List<String> undeclared(Path root, List<HttpEndpoint> endpoints) {
        List<String> missing = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (String module : Stream.concat(FaultLab.SERVICES.stream(), Stream.of("platform")).toList()) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path source : sources) {
            String text = read(source);
            if (!text.contains("@Path(") || text.contains("@RegisterRestClient") || text.contains("interface ")) {
                continue;
            }
            String resource = source.getFileName().toString().replace(".java", "");
            Matcher methods = HTTP_METHOD.matcher(text);
            int declared = 0;
            while (methods.find()) {
                declared++;
            }
            long covered = endpoints.stream().filter(e -> e.resource().equals(resource))
                    .map(e -> e.method() + " " + e.path()).distinct().count();
            if (declared != covered) {
                missing.add(resource + " declares " + declared + " endpoints, the scenario attacks " + covered);
            }
        }
        return missing;
    }

    /**
     * The console's pages (postmortem-service), with a development session. The live feed and the sign-in form take
     * nothing to attack: they are declared, and sent nothing (the feed never ends).
     */
    private static List<HttpEndpoint> console(UUID incident, String request) {
        String service = "postmortem-service";
        List<String> filters = List.of("service", "environment", "severity", "status", "range", "q");
        List<HttpEndpoint> pages = new ArrayList<>();
        pages.add(page(service, "IncidentsPage", "GET", "/console", null, filters));
        pages.add(page(service, "IncidentsPage", "GET", "/console/rows", null, filters));
        pages.add(page(service, "IncidentsPage", "GET", "/console/events", null, List.of()));
        pages.add(page(service, "IncidentDetailPage", "GET", "/console/incidents/{id}", null, List.of()));
        pages.add(page(service, "IncidentDetailPage", "POST", "/console/incidents/" + incident + "/postmortem",
                "revision=0&rootCause=hostile+input+scenario&impact=hostile", List.of()));
        pages.add(page(service, "ApprovalsPage", "GET", "/console/approvals", null, List.of()));
        pages.add(page(service, "ApprovalsPage", "POST", "/console/approvals/" + request + "/approve",
                "reason=hostile+input+scenario", List.of()));
        pages.add(page(service, "StatisticsPage", "GET", "/console/statistics", null, List.of("days", "environment")));
        pages.add(page(service, "DevSignInResource", "GET", "/console/sign-in", null, List.of()));
        pages.add(page(service, "DevSignInResource", "POST", "/console/sign-in", "name=hostile&role=viewer",
                List.of()));
        pages.add(page(service, "DevSignInResource", "POST", "/console/sign-in/out", "", List.of()));
        return pages;
    }

    private static HttpEndpoint page(String service, String resource, String method, String path, String form,
                                     List<String> parameters) {
        return new HttpEndpoint(service, resource, method, path, Credentials.CONSOLE_SESSION, form, null, parameters,
                false, true);
    }

    private static HttpEndpoint body(String service, String resource, String method, String path,
                                     Credentials credentials, String body, String freeText) {
        return new HttpEndpoint(service, resource, method, path, credentials, body, freeText, List.of(), false);
    }

    private static HttpEndpoint query(String service, String resource, String path, Credentials credentials,
                                      List<String> parameters) {
        return new HttpEndpoint(service, resource, "GET", path, credentials, null, null, parameters, false);
    }

    /** A vendor payload from the detector's test resources, its placeholders filled in for {@code target}. */
    private static String payload(Path root, String name, TargetKey target) {
        String text = read(root.resolve("detector-service/src/test/resources/payloads/" + name + ".json"));
        return text.replace("${environment}", target.environment()).replace("${namespace}", target.namespace())
                .replace("${service}", target.service()).replaceAll("\\$\\{[a-z_]+}", "hostile");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
