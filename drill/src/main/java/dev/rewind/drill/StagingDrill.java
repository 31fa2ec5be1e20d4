package dev.rewind.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The runbook's quarterly drill on the staging environment, against a running Rewind and its sandbox: deploy a test
 * version, introduce a controlled failure (a share of 5xx injected into that version), detect it via monitoring,
 * let Rewind roll back, verify recovery, and check that the incident is documented (its post-mortem generated).
 * Rewind is never told anything by the drill: the sandbox's monitor alerts it as Alertmanager would.
 */
public final class StagingDrill {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final DrillSettings settings;
    private final KubernetesClient kubernetes;
    private final JsonHttp rewind;
    private final JsonHttp sandbox = new JsonHttp(null);
    private final Clock clock;
    private final Progress progress;
    private final List<DrillResult.Mark> timeline = new ArrayList<>();
    private final List<String> whereToLook = new ArrayList<>();
    private Instant faultInjectedAt;
    private JsonNode incident;

    public StagingDrill(DrillSettings settings, KubernetesClient kubernetes, PrintStream out, Clock clock) {
        this.settings = settings;
        this.kubernetes = kubernetes;
        this.rewind = new JsonHttp(settings.token());
        this.clock = clock;
        this.progress = new Progress(out, clock, 7);
    }

    /** Runs every phase, stopping at the first that fails; the result says how far it got and what it measured. */
    public DrillResult run() {
        String failure = null;
        try {
            phase("check that Rewind and the sandbox are up", this::preflight);
            phase("deploy test version " + settings.testVersion() + " to " + settings.environment(), this::deploy);
            phase("introduce a controlled failure: " + settings.fault() + " in " + settings.testVersion(), this::inject);
            phase("detect it via monitoring", this::detect);
            phase("let Rewind roll back", this::rollBack);
            phase("verify recovery", this::verify);
            phase("document: the incident's post-mortem", this::document);
        } catch (DrillFailed e) {
            failure = e.getMessage();
        }
        Instant detectedAt = time(incident, "times", "detectedAt");
        Instant rolledBackAt = incident != null && "ROLLED_BACK".equals(incident.path("status").asText())
                ? time(incident, "times", "rollbackCompletedAt") : null;
        return new DrillResult("staging drill (" + settings.fault() + ")", target(), faultInjectedAt,
                timeline, SuccessCriteria.judge(faultInjectedAt, detectedAt, rolledBackAt, peopleActed()),
                whereToLook, failure);
    }

    private void phase(String title, Supplier<String> work) {
        progress.start(title);
        try {
            progress.done(work.get());
        } catch (DrillFailed e) {
            progress.failed(e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            progress.failed(e.toString());
            throw new DrillFailed(title + ": " + e);
        }
    }

    private String preflight() {
        List<String> down = new ArrayList<>();
        settings.services().forEach((name, url) -> {
            if (rewind.get(url + "/q/health/ready").status() != 200) {
                down.add(name + " (" + url + ")");
            }
        });
        if (rewind.get(settings.sandboxUrl() + "/metrics").status() != 200) {
            down.add("the sandbox's demo applications (" + settings.sandboxUrl() + ")");
        }
        if (!down.isEmpty()) {
            throw new DrillFailed("not ready: " + String.join(", ", down) + "; start them with dev/stack.sh up");
        }
        kubernetes.apps().deployments().inNamespace(settings.namespace()).list();
        return settings.services().size() + " services ready, sandbox at " + settings.sandboxUrl()
                + ", Kubernetes API at " + kubernetes.getMasterUrl();
    }

    private String deploy() {
        var deployments = kubernetes.apps().deployments().inNamespace(settings.namespace());
        deployments.resource(new DeploymentBuilder()
                .withNewMetadata().withName(settings.deployment()).withNamespace(settings.namespace())
                .withLabels(Map.of("app", settings.deployment()))
                .withAnnotations(Map.of("rewind.dev/deployed-by", "rewind-drill",
                        "rewind.dev/health-url", appUrl() + "/health"))
                .endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().withMatchLabels(Map.of("app", settings.deployment())).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(Map.of("app", settings.deployment())).endMetadata()
                .withNewSpec().addNewContainer().withName("app")
                .withImage(settings.image() + ":" + settings.goodVersion()).endContainer().endSpec()
                .endTemplate()
                .endSpec().build()).create();
        awaitRolledOut(settings.goodVersion());
        mark("drill", "deployed " + settings.goodVersion() + " (the last good version)");
        deployments.withName(settings.deployment()).edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0)
                    .setImage(settings.image() + ":" + settings.testVersion());
            return d;
        });
        awaitRolledOut(settings.testVersion());
        Poll.until("the demo application serving " + settings.testVersion(), SETTLE, POLL,
                () -> runningVersions().equals(List.of(settings.testVersion())) ? Optional.of(true) : Optional.empty());
        mark("drill", "deployed test version " + settings.testVersion() + ", serving");
        whereToLook.add("demo application: " + appUrl() + " (health " + appUrl() + "/health, metrics "
                + settings.sandboxUrl() + "/metrics)");
        return target() + " runs " + settings.testVersion() + " after " + settings.goodVersion();
    }

    private String inject() {
        JsonHttp.Answer answer = sandbox.put(appUrl() + "/versions/" + settings.testVersion() + "/fault",
                settings.fault());
        if (answer.status() != 204) {
            throw new DrillFailed("the sandbox refused the fault: " + answer.describe());
        }
        faultInjectedAt = clock.instant();
        mark("drill", "fault injected into " + settings.testVersion() + ": " + settings.fault());
        return "injected at " + faultInjectedAt;
    }

    private String detect() {
        String list = settings.incidentsUrl() + "/api/v1/incidents?namespace=" + encode(settings.namespace())
                + "&service=" + encode(settings.deployment());
        // Only an incident opened after the fault: an earlier one of the same target is not this drill's.
        JsonNode opened = Poll.until("an incident for " + target(), settings.detectTimeout(), POLL, () ->
                rewind.jsonIfOk(list).flatMap(page -> {
                    for (JsonNode item : page.path("items")) {
                        if (!Instant.parse(item.path("openedAt").asText()).isBefore(faultInjectedAt)) {
                            return Optional.of(item);
                        }
                    }
                    return Optional.empty();
                }));
        String number = "INCIDENT-" + opened.path("number").asText();
        whereToLook.add(0, "incident: " + settings.incidentsUrl() + "/api/v1/incidents/" + number
                + "  (Authorization: Bearer $(dev/identity.sh token you viewer))");
        whereToLook.add(1, "post-mortem: " + settings.incidentsUrl() + "/api/v1/incidents/" + number + "/postmortem");
        incident = read(rewind, settings.incidentsUrl() + "/api/v1/incidents/" + opened.path("id").asText());
        return number + " " + opened.path("severity").asText() + " opened: " + opened.path("reason").asText();
    }

    private String rollBack() {
        String url = settings.incidentsUrl() + "/api/v1/incidents/" + incident.path("id").asText();
        incident = Poll.until("the incident to close", settings.rollbackTimeout(), POLL, () ->
                rewind.jsonIfOk(url).filter(now -> isFinal(now.path("status").asText())));
        String status = incident.path("status").asText();
        if (!"ROLLED_BACK".equals(status)) {
            throw new DrillFailed("the incident ended " + status + ": " + describeEnd(incident));
        }
        JsonNode versions = incident.path("versions");
        return "rolled back " + versions.path("fromVersion").asText("?") + " -> "
                + versions.path("toVersion").asText("?") + " by " + versions.path("method").asText("?") + ", verified";
    }

    private String verify() {
        Deployment deployment = kubernetes.apps().deployments().inNamespace(settings.namespace())
                .withName(settings.deployment()).get();
        String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        if (!image.endsWith(":" + settings.goodVersion())) {
            throw new DrillFailed(target() + " runs " + image + ", not " + settings.goodVersion());
        }
        awaitRolledOut(settings.goodVersion());
        Poll.until("the demo application serving only " + settings.goodVersion() + ", healthy", SETTLE, POLL,
                () -> runningVersions().equals(List.of(settings.goodVersion()))
                        && sandbox.get(appUrl() + "/health").status() == 200 ? Optional.of(true) : Optional.empty());
        mark("drill", "demo application serves " + settings.goodVersion() + " only, health check passing");
        // The monitor's alert that opened this incident, resolved and accepted by the detector.
        JsonNode resolved = Poll.until("the monitor's alert to resolve", SETTLE, POLL,
                () -> monitorAlerts("resolved").stream()
                        .filter(sent -> sent.path("status").asInt() / 100 == 2
                                && !Instant.parse(sent.path("sentAt").asText()).isBefore(faultInjectedAt))
                        .findFirst());
        return target() + " runs " + settings.goodVersion() + ", health 200, alert "
                + resolved.path("alert").path("labels").path("alertname").asText() + " resolved";
    }

    private String document() {
        String url = settings.incidentsUrl() + "/api/v1/incidents/" + incident.path("id").asText() + "/postmortem";
        JsonHttp.Answer answer = Poll.until("the post-mortem", SETTLE, POLL, () -> {
            JsonHttp.Answer now = rewind.get(url);
            return now.status() == 200 ? Optional.of(now) : Optional.empty();
        });
        incident = read(rewind, settings.incidentsUrl() + "/api/v1/incidents/" + incident.path("id").asText());
        collectTimeline();
        long lines = answer.body().lines().count();
        return "post-mortem generated (" + lines + " lines of Markdown), timeline of "
                + incident.path("timeline").size() + " entries";
    }

    /** The incident's timeline, the monitor's notifications and the Slack stand-in's messages, as marks. */
    private void collectTimeline() {
        for (JsonNode entry : incident.path("timeline")) {
            mark(Instant.parse(entry.path("occurredAt").asText()), "rewind",
                    entry.path("kind").asText() + ": " + entry.path("summary").asText());
        }
        for (JsonNode sent : monitorAlerts(null)) {
            JsonNode alert = sent.path("alert");
            mark(Instant.parse(sent.path("sentAt").asText()), "monitor", alert.path("labels").path("alertname").asText()
                    + " " + alert.path("status").asText() + " sent to the detector ("
                    + alert.path("annotations").path("summary").asText() + ")");
        }
        JsonNode messages = read(sandbox, settings.sandboxUrl() + "/slack/messages");
        int count = 0;
        for (JsonNode message : messages) {
            String body = message.path("body").asText();
            if (body.contains(settings.deployment())) {
                mark(Instant.parse(message.path("receivedAt").asText()), "slack", SlackText.of(body));
                count++;
            }
        }
        whereToLook.add("Slack (local stand-in): " + count + " messages about " + settings.deployment() + ", "
                + settings.sandboxUrl() + "/slack/messages");
    }

    private List<JsonNode> monitorAlerts(String status) {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode sent : sandbox.jsonIfOk(settings.sandboxUrl() + "/monitor/alerts")
                .orElseGet(JsonNodeFactory.instance::arrayNode)) {
            JsonNode labels = sent.path("alert").path("labels");
            if (labels.path("namespace").asText().equals(settings.namespace())
                    && labels.path("service").asText().equals(settings.deployment())
                    && (status == null || status.equals(sent.path("alert").path("status").asText()))) {
                alerts.add(sent);
            }
        }
        return alerts;
    }

    /** The JSON at {@code url}, asked again while the answer is not 200 (a busy service is not a failed drill). */
    private static JsonNode read(JsonHttp http, String url) {
        return Poll.until("GET " + url + " answering 200", SETTLE, POLL, () -> http.jsonIfOk(url));
    }

    private void awaitRolledOut(String version) {
        Poll.until(target() + " rolled out to " + version, SETTLE, POLL, () -> {
            Deployment d = kubernetes.apps().deployments().inNamespace(settings.namespace())
                    .withName(settings.deployment()).get();
            boolean done = d != null && d.getStatus() != null
                    && d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().endsWith(":" + version)
                    && d.getStatus().getObservedGeneration() != null
                    && d.getStatus().getObservedGeneration() >= d.getMetadata().getGeneration()
                    && d.getSpec().getReplicas().equals(d.getStatus().getUpdatedReplicas())
                    && d.getSpec().getReplicas().equals(d.getStatus().getAvailableReplicas());
            return done ? Optional.of(d) : Optional.empty();
        });
    }

    private List<String> runningVersions() {
        List<String> versions = new ArrayList<>();
        sandbox.jsonIfOk(appUrl()).ifPresent(app ->
                app.path("running").forEach(v -> versions.add(v.path("version").asText())));
        return versions;
    }

    private List<String> peopleActed() {
        List<String> people = new ArrayList<>();
        if (incident == null) {
            return people;
        }
        for (JsonNode vote : incident.path("approvals")) {
            if (!vote.path("automatic").asBoolean()) {
                people.add(vote.path("verdict").asText().toLowerCase() + " by " + vote.path("by").asText());
            }
        }
        for (JsonNode override : incident.path("overrides")) {
            people.add("guard lifted by " + override.path("by").asText());
        }
        return people;
    }

    private static boolean isFinal(String status) {
        return List.of("DECLINED", "REJECTED", "EXPIRED", "ROLLED_BACK", "ROLLED_BACK_UNVERIFIED", "ROLLBACK_FAILED")
                .contains(status);
    }

    private static String describeEnd(JsonNode incident) {
        JsonNode failure = incident.path("failure");
        if (!failure.isMissingNode() && !failure.isNull()) {
            return failure.toString();
        }
        JsonNode decision = incident.path("decision");
        return decision.isMissingNode() || decision.isNull() ? incident.path("reason").asText() : decision.toString();
    }

    private static Instant time(JsonNode incident, String object, String field) {
        if (incident == null) {
            return null;
        }
        JsonNode value = incident.path(object).path(field);
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }

    private void mark(String source, String what) {
        mark(clock.instant(), source, what);
    }

    private void mark(Instant at, String source, String what) {
        timeline.add(new DrillResult.Mark(at, source, what));
    }

    private String appUrl() {
        return settings.sandboxUrl() + "/apps/" + settings.namespace() + "/" + settings.deployment();
    }

    private String target() {
        return settings.environment() + "/" + settings.namespace() + "/" + settings.deployment();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
