package dev.rewind.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One drill scenario against a running Rewind and its sandbox: deploy a test version, introduce a controlled failure
 * (a share of 5xx injected into that version), let the sandbox's monitor alert Rewind as Alertmanager would, and
 * check what Rewind does. Rewind is never told anything by the drill but what a person would give it (an approval).
 * Scenarios differ in their target, in what Rewind must do, and in their success criteria.
 */
abstract class Drill {

    static final Duration POLL = Duration.ofMillis(200);
    static final Duration SETTLE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A named step of a scenario; its result is the line printed when it is done. */
    record Phase(String title, Supplier<String> work) {
    }

    final DrillSettings settings;
    final DrillTarget target;
    final KubernetesClient kubernetes;
    final JsonHttp rewind;
    final JsonHttp sandbox = new JsonHttp(null);
    final Clock clock;
    private final PrintStream out;
    private final List<DrillResult.Mark> timeline = new ArrayList<>();
    final List<String> whereToLook = new ArrayList<>();
    Instant faultInjectedAt;
    JsonNode incident;

    Drill(DrillSettings settings, DrillTarget target, KubernetesClient kubernetes, PrintStream out, Clock clock) {
        this.settings = settings;
        this.target = target;
        this.kubernetes = kubernetes;
        this.rewind = new JsonHttp(settings.token());
        this.out = out;
        this.clock = clock;
    }

    /** The scenario's name in the report. */
    abstract String scenario();

    /** The scenario's phases, in order. */
    abstract List<Phase> phases();

    /** The scenario's success criteria, judged on what it measured (also after a failed phase). */
    abstract List<DrillResult.Criterion> criteria();

    /** Runs every phase, stopping at the first that fails; the result says how far it got and what it measured. */
    final DrillResult run() {
        List<Phase> phases = phases();
        Progress progress = new Progress(out, clock, phases.size());
        out.println("\n== " + scenario() + ": " + target);
        String failure = null;
        try {
            for (Phase phase : phases) {
                run(progress, phase);
            }
        } catch (DrillFailed e) {
            failure = e.getMessage();
            if (faultInjectedAt != null) {
                // Best effort: a failed scenario does not leave its alert firing on a stack kept to explore.
                sandbox.delete(appUrl() + "/versions/" + settings.testVersion() + "/fault");
            }
        }
        return new DrillResult(scenario(), target.toString(), faultInjectedAt, timeline, criteria(), whereToLook,
                failure);
    }

    private static void run(Progress progress, Phase phase) {
        progress.start(phase.title());
        try {
            progress.done(phase.work().get());
        } catch (DrillFailed e) {
            progress.failed(e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            progress.failed(e.toString());
            throw new DrillFailed(phase.title() + ": " + e);
        }
    }

    // --- phases every scenario shares -----------------------------------------------------------------------------

    Phase deployPhase(Map<String, String> testVersionAnnotations) {
        return new Phase("deploy test version " + settings.testVersion() + " to " + target.environment(),
                () -> deploy(testVersionAnnotations));
    }

    Phase injectPhase() {
        return new Phase("introduce a controlled failure: " + settings.fault() + " in " + settings.testVersion(),
                this::inject);
    }

    Phase detectPhase() {
        return new Phase("detect it via monitoring", this::detect);
    }

    Phase documentPhase() {
        return new Phase("document: the incident's post-mortem", this::document);
    }

    /**
     * Creates the Deployment at the last good version, rolls it out, then moves it to the test version (whose
     * Deployment carries {@code testVersionAnnotations}, as a release's deploy would set them) and waits until the
     * demo application serves it.
     */
    private String deploy(Map<String, String> testVersionAnnotations) {
        var deployments = kubernetes.apps().deployments().inNamespace(target.namespace());
        deployments.resource(new DeploymentBuilder()
                .withNewMetadata().withName(target.deployment()).withNamespace(target.namespace())
                .withLabels(Map.of("app", target.deployment()))
                .withAnnotations(Map.of("rewind.dev/deployed-by", "rewind-drill",
                        "rewind.dev/health-url", appUrl() + "/health"))
                .endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().withMatchLabels(Map.of("app", target.deployment())).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(Map.of("app", target.deployment())).endMetadata()
                .withNewSpec().addNewContainer().withName("app")
                .withImage(settings.image() + ":" + settings.goodVersion()).endContainer().endSpec()
                .endTemplate()
                .endSpec().build()).create();
        awaitRolledOut(settings.goodVersion());
        mark("drill", "deployed " + settings.goodVersion() + " (the last good version)");
        releaseTestVersion(testVersionAnnotations);
        awaitRolledOut(settings.testVersion());
        Poll.until("the demo application serving " + settings.testVersion(), SETTLE, POLL,
                () -> runningVersions().equals(List.of(settings.testVersion())) ? Optional.of(true) : Optional.empty());
        mark("drill", "deployed test version " + settings.testVersion() + ", serving"
                + (testVersionAnnotations.isEmpty() ? "" : " (annotated " + testVersionAnnotations + ")"));
        whereToLook.add("demo application: " + appUrl() + " (health " + appUrl() + "/health, metrics "
                + settings.sandboxUrl() + "/metrics)");
        return target + " runs " + settings.testVersion() + " after " + settings.goodVersion();
    }

    /** Puts the test version on the Deployment, as a release's deploy would; a GitOps scenario pushes it to Git. */
    void releaseTestVersion(Map<String, String> testVersionAnnotations) {
        kubernetes.apps().deployments().inNamespace(target.namespace()).withName(target.deployment()).edit(d -> {
            Map<String, String> annotations = new HashMap<>(d.getMetadata().getAnnotations());
            annotations.putAll(testVersionAnnotations);
            d.getMetadata().setAnnotations(annotations);
            d.getSpec().getTemplate().getSpec().getContainers().get(0)
                    .setImage(settings.image() + ":" + settings.testVersion());
            return d;
        });
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

    /** Clears the injected fault: the demo application serves cleanly again and the monitor's alert resolves. */
    String clearFault() {
        JsonHttp.Answer answer = sandbox.delete(appUrl() + "/versions/" + settings.testVersion() + "/fault");
        if (answer.status() != 204) {
            throw new DrillFailed("the sandbox did not clear the fault: " + answer.describe());
        }
        mark("drill", "fault cleared from " + settings.testVersion());
        return awaitAlertResolved();
    }

    private String detect() {
        String list = settings.incidentsUrl() + "/api/v1/incidents?namespace=" + encode(target.namespace())
                + "&service=" + encode(target.deployment());
        // Only an incident opened after the fault: an earlier one of the same target is not this drill's.
        JsonNode opened = Poll.until("an incident for " + target, settings.detectTimeout(), POLL, () ->
                rewind.jsonIfOk(list).flatMap(page -> {
                    for (JsonNode item : page.path("items")) {
                        if (!Instant.parse(item.path("openedAt").asText()).isBefore(faultInjectedAt)) {
                            return Optional.of(item);
                        }
                    }
                    return Optional.empty();
                }));
        String number = "INCIDENT-" + opened.path("number").asText();
        whereToLook.add(0, "console: " + settings.incidentsUrl() + "/console/incidents/" + opened.path("number").asText()
                + "  (timeline, evidence, checklist and post-mortem in the browser)");
        whereToLook.add(1, "incident: " + settings.incidentsUrl() + "/api/v1/incidents/" + number
                + "  (Authorization: Bearer $(dev/identity.sh token you viewer))");
        whereToLook.add(2, "post-mortem: " + settings.incidentsUrl() + "/api/v1/incidents/" + number + "/postmortem");
        incident = read(rewind, incidentUrl(opened.path("id").asText()));
        return number + " " + opened.path("severity").asText() + " opened: " + opened.path("reason").asText();
    }

    /** Waits until the incident is closed; fails unless it closed in {@code expected}. */
    String awaitClosed(String expected) {
        incident = Poll.until("the incident to close", settings.rollbackTimeout(), POLL, () ->
                rewind.jsonIfOk(incidentUrl(incident.path("id").asText()))
                        .filter(now -> isFinal(now.path("status").asText())));
        String status = incident.path("status").asText();
        if (!expected.equals(status)) {
            throw new DrillFailed("the incident ended " + status + ", not " + expected + ": " + describeEnd(incident));
        }
        return status;
    }

    /** The incident closed as rolled back, and by which method, between which versions. */
    String awaitRolledBack() {
        awaitClosed("ROLLED_BACK");
        JsonNode versions = incident.path("versions");
        return "rolled back " + versions.path("fromVersion").asText("?") + " -> "
                + versions.path("toVersion").asText("?") + " by " + versions.path("method").asText("?") + ", verified";
    }

    /** The Deployment back on the last good version, its demo app healthy, the monitor's alert resolved. */
    String verifyRecovered() {
        String image = image();
        if (!image.endsWith(":" + settings.goodVersion())) {
            throw new DrillFailed(target + " runs " + image + ", not " + settings.goodVersion());
        }
        awaitRolledOut(settings.goodVersion());
        Poll.until("the demo application serving only " + settings.goodVersion() + ", healthy", SETTLE, POLL,
                () -> runningVersions().equals(List.of(settings.goodVersion()))
                        && sandbox.get(appUrl() + "/health").status() == 200 ? Optional.of(true) : Optional.empty());
        mark("drill", "demo application serves " + settings.goodVersion() + " only, health check passing");
        return target + " runs " + settings.goodVersion() + ", health 200, " + awaitAlertResolved();
    }

    /** The monitor's alert about this target, resolved after the fault and accepted by the detector. */
    private String awaitAlertResolved() {
        JsonNode resolved = Poll.until("the monitor's alert to resolve", SETTLE, POLL,
                () -> monitorAlerts("resolved").stream()
                        .filter(sent -> sent.path("status").asInt() / 100 == 2
                                && !Instant.parse(sent.path("sentAt").asText()).isBefore(faultInjectedAt))
                        .findFirst());
        return "alert " + resolved.path("alert").path("labels").path("alertname").asText() + " resolved";
    }

    private String document() {
        String url = incidentUrl(incident.path("id").asText()) + "/postmortem";
        JsonHttp.Answer answer = Poll.until("the post-mortem", SETTLE, POLL, () -> {
            JsonHttp.Answer now = rewind.get(url);
            return now.status() == 200 ? Optional.of(now) : Optional.empty();
        });
        incident = read(rewind, incidentUrl(incident.path("id").asText()));
        collectTimeline();
        long lines = answer.body().lines().count();
        return "post-mortem generated (" + lines + " lines of Markdown), timeline of "
                + incident.path("timeline").size() + " entries";
    }

    // --- what the scenarios read ----------------------------------------------------------------------------------

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
        List<JsonNode> messages = slack();
        for (JsonNode message : messages) {
            mark(Instant.parse(message.path("receivedAt").asText()), "slack", SlackText.of(message.path("body").asText()));
        }
        whereToLook.add("Slack (local stand-in): " + messages.size() + " messages about " + target.deployment() + ", "
                + settings.sandboxUrl() + "/slack/messages");
    }

    /** The Slack stand-in's messages about this scenario's Deployment, as text. */
    List<String> slackMessages() {
        return slack().stream().map(message -> SlackText.of(message.path("body").asText())).toList();
    }

    private List<JsonNode> slack() {
        List<JsonNode> about = new ArrayList<>();
        for (JsonNode message : read(sandbox, settings.sandboxUrl() + "/slack/messages")) {
            if (message.path("body").asText().contains(target.deployment())) {
                about.add(message);
            }
        }
        return about;
    }

    private List<JsonNode> monitorAlerts(String status) {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode sent : sandbox.jsonIfOk(settings.sandboxUrl() + "/monitor/alerts")
                .orElseGet(JsonNodeFactory.instance::arrayNode)) {
            JsonNode labels = sent.path("alert").path("labels");
            if (labels.path("namespace").asText().equals(target.namespace())
                    && labels.path("service").asText().equals(target.deployment())
                    && (status == null || status.equals(sent.path("alert").path("status").asText()))) {
                alerts.add(sent);
            }
        }
        return alerts;
    }

    /** The JSON at {@code url}, asked again while the answer is not 200 (a busy service is not a failed drill). */
    static JsonNode read(JsonHttp http, String url) {
        return Poll.until("GET " + url + " answering 200", SETTLE, POLL, () -> http.jsonIfOk(url));
    }

    /** {@code text} as JSON; a body that is not JSON fails the drill, naming it. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new DrillFailed("not JSON: " + text);
        }
    }

    Deployment deployment() {
        return kubernetes.apps().deployments().inNamespace(target.namespace()).withName(target.deployment()).get();
    }

    /** The image the Deployment's pod template runs now. */
    String image() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    void awaitRolledOut(String version) {
        Poll.until(target + " rolled out to " + version, SETTLE, POLL, () -> {
            Deployment d = deployment();
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

    /** Who acted on the incident by hand: approvals, rejections and overrides that were not automatic. */
    List<String> peopleActed() {
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

    Instant incidentTime(String field) {
        if (incident == null) {
            return null;
        }
        JsonNode value = incident.path("times").path(field);
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }

    /** When the rollback completed and was verified; null unless the incident closed as rolled back. */
    Instant rolledBackAt() {
        return incident != null && "ROLLED_BACK".equals(incident.path("status").asText())
                ? incidentTime("rollbackCompletedAt") : null;
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

    void mark(String source, String what) {
        mark(clock.instant(), source, what);
    }

    private void mark(Instant at, String source, String what) {
        timeline.add(new DrillResult.Mark(at, source, what));
    }

    String incidentUrl(String id) {
        return settings.incidentsUrl() + "/api/v1/incidents/" + id;
    }

    String appUrl() {
        return settings.sandboxUrl() + "/apps/" + target.namespace() + "/" + target.deployment();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
