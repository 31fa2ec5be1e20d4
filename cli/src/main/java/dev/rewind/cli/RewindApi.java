package dev.rewind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.drill.JsonHttp;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The calls the CLI makes to Rewind's APIs, each returning the answer's body on a 2xx and failing with
 * {@link Answers}' exit codes otherwise.
 */
public final class RewindApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final JsonHttp http;

    public RewindApi(Settings settings) {
        this.settings = settings;
        this.http = new JsonHttp(settings.token());
    }

    /** {@code GET /api/v1/incidents?...}: a page of incidents ({@code {items, next}}), newest first. */
    public String incidents(Map<String, String> query) {
        return get(Api.INCIDENTS, "/api/v1/incidents" + queryString(query));
    }

    /** {@code GET /api/v1/incidents/{number}}: the incident's whole record and timeline. */
    public String incident(IncidentNumber number) {
        return get(Api.INCIDENTS, "/api/v1/incidents/" + number.value());
    }

    /** {@code GET /api/v1/incidents/{number}/postmortem?format=markdown|json}. */
    public String postMortem(IncidentNumber number, boolean json) {
        return get(Api.INCIDENTS, "/api/v1/incidents/" + number.value() + "/postmortem?format="
                + (json ? "json" : "markdown"));
    }

    /** {@code GET /api/v1/approvals?state=...&limit=...}: approval requests, newest first. */
    public String approvals(String states, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("state", states);
        query.put("limit", String.valueOf(limit));
        return get(Api.APPROVALS, "/api/v1/approvals" + queryString(query));
    }

    /** {@code POST /api/v1/approvals/{id}/{approve|reject|override}} with {@code {"reason": ...}}. */
    public String vote(UUID requestId, String verdict, String reason) {
        ObjectNode body = JSON.createObjectNode();
        if (reason != null) {
            body.put("reason", reason);
        }
        return post(Api.APPROVALS, "/api/v1/approvals/" + requestId + "/" + verdict, body, Map.of());
    }

    /** {@code POST /api/v1/rollbacks}: a manual rollback request; 202 with the incident it opened. */
    public String requestRollback(Target target, String reason, String severity, Integer toRevision,
                                  String idempotencyKey) {
        ObjectNode body = JSON.createObjectNode();
        body.put("environment", target.environment());
        body.put("namespace", target.namespace());
        body.put("service", target.service());
        body.put("reason", reason);
        body.put("severity", severity);
        if (toRevision != null) {
            body.put("toRevision", toRevision);
        }
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        return post(Api.REQUESTS, "/api/v1/rollbacks", body, headers);
    }

    /** The JSON of an answer's body. */
    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.UNAVAILABLE, "Rewind answered something other than JSON: " + e.getMessage());
        }
    }

    private String get(Api api, String path) {
        String url = settings.baseUrl(api) + path;
        return Answers.body(http.get(url), api, url, settings.token() != null);
    }

    private String post(Api api, String path, JsonNode body, Map<String, String> headers) {
        String url = settings.baseUrl(api) + path;
        return Answers.body(http.postJson(url, body.toString(), headers), api, url, settings.token() != null);
    }

    /** {@code ?a=1&b=2} of the non-null values, encoded; empty when there are none. */
    static String queryString(Map<String, String> query) {
        Map<String, String> present = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        if (present.isEmpty()) {
            return "";
        }
        return present.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
