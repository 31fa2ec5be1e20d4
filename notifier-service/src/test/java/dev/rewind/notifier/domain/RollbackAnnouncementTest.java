package dev.rewind.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackAnnouncementTest {

    private static final MessageSettings SETTINGS = new MessageSettings("5 minutes",
            "https://grafana.example/d/checkout", Map.of());
    private final IncidentContext incident = new IncidentContext(TargetKey.parse("production/payments/myapp"), 123L,
            Severity.P1, "High error rate (12% 5xx errors)", "john.doe", "v1.3.0", "v1.2.5");

    @Test
    void startedMessageFollowsTheRunbookTemplate() {
        SlackMessage message = RollbackAnnouncement.started(incident, EventFixtures.event(RollbackStarted.class),
                SETTINGS);

        JsonNode json = json(message);
        assertThat(json.at("/blocks/0/text/text").asText()).isEqualTo("🚨 PRODUCTION ROLLBACK INITIATED");
        assertThat(fields(json, 1)).containsExactly(
                "*Environment*: Production", "*Service*: myapp", "*From Version*: v1.3.0", "*To Version*: v1.2.5",
                "*Triggered By*: @john.doe", "*Reason*: High error rate (12% 5xx errors)", "*Status*: In Progress",
                "*ETA*: 5 minutes");
        assertThat(json.at("/blocks/2/text/text").asText()).startsWith("*Actions Taken*:\n• Triggered the rollback: ")
                .contains("\n• Monitoring dashboards: <https://grafana.example/d/checkout|Link>")
                .endsWith("\n• Incident ticket: INCIDENT-123");
        assertThat(json.at("/blocks/3/text/text").asText())
                .isEqualTo("*Next Steps*:\n• Verify health checks\n• Monitor error rates\n• Update stakeholders");
        assertThat(json.at("/blocks/4/type").asText()).isEqualTo("context");
        assertThat(json.at("/blocks/4/elements/0/text").asText()).contains("INCIDENT-123").contains("P1");
        assertThat(message.text()).startsWith("🚨 PRODUCTION ROLLBACK INITIATED\nEnvironment: Production")
                .contains("\nStatus: In Progress\nETA: 5 minutes\nActions Taken:\n- Triggered the rollback")
                .contains("\nNext Steps:\n- Verify health checks");
    }

    @Test
    void startedNamesTheMethodAndTheRevisions() {
        RollbackStarted started = EventFixtures.event(RollbackStarted.class);

        String actions = json(RollbackAnnouncement.started(incident, started, SETTINGS)).at("/blocks/2/text/text")
                .asText();

        assertThat(actions).contains("Triggered the rollback: " + RollbackAnnouncement.method(started.method())
                + " (revision " + started.fromRevision() + " → " + started.toRevision() + ")");
    }

    @Test
    void succeededSaysCompletedAndTheRunbookChecklist() {
        SlackMessage message = RollbackAnnouncement.succeeded(incident, EventFixtures.event(RollbackSucceeded.class),
                SETTINGS);

        JsonNode json = json(message);
        assertThat(json.at("/blocks/0/text/text").asText()).isEqualTo("✅ PRODUCTION ROLLBACK COMPLETED");
        assertThat(fields(json, 1)).contains("*From Version*: v1.3.0", "*To Version*: v1.2.5", "*Status*: Completed")
                .noneMatch(field -> field.startsWith("*ETA*"));
        assertThat(json.at("/blocks/3/text/text").asText()).contains("Update the status page")
                .contains("Tag the faulty release v1.3.0 in Git");
    }

    @Test
    void unverifiedSaysWhichChecksFailed() {
        RollbackUnverified unverified = EventFixtures.event(RollbackUnverified.class);

        JsonNode json = json(RollbackAnnouncement.unverified(incident, unverified, SETTINGS));

        assertThat(json.at("/blocks/0/text/text").asText()).isEqualTo("⚠️ PRODUCTION ROLLBACK NOT VERIFIED");
        assertThat(fields(json, 1)).contains("*Status*: Rolled out, verification failed",
                "*Verification*: " + unverified.reason());
    }

    @Test
    void failedCarriesTheReasonAndTheExecutorsDiagnosis() {
        RollbackFailed failed = EventFixtures.event(RollbackFailed.class);

        JsonNode json = json(RollbackAnnouncement.failed(incident, failed, SETTINGS));

        assertThat(json.at("/blocks/0/text/text").asText()).isEqualTo("❌ PRODUCTION ROLLBACK FAILED");
        assertThat(fields(json, 1)).contains("*Status*: Failed", "*Failure*: " + failed.reason());
        assertThat(json.at("/blocks/2/text/text").asText()).isEqualTo("*Diagnosis*:\n• " + failed.diagnosis().get(0));
        assertThat(json.at("/blocks/4/text/text").asText()).contains("Troubleshooting Failed Rollbacks")
                .contains("kubectl rollout status deployment/myapp -n payments")
                .contains("last known good version v1.2.5");
    }

    @Test
    void aLongDiagnosisIsCutToASectionAndSaysHowManyLinesAreLeft() {
        List<String> lines = Collections.nCopies(100, "pod myapp-x: container myapp is waiting: CrashLoopBackOff "
                + "(back-off 5m0s restarting failed container)");

        String diagnosis = RollbackAnnouncement.diagnosis(lines);

        assertThat(diagnosis.length()).isLessThanOrEqualTo(SlackMessage.MAX_SECTION_TEXT);
        assertThat(diagnosis).startsWith("*Diagnosis*:\n• pod myapp-x").containsPattern("… and \\d+ more lines in");
        long shown = diagnosis.lines().filter(line -> line.startsWith("• ")).count();
        assertThat(diagnosis).contains("… and " + (100 - shown) + " more lines");
    }

    @Test
    void textFromEventsCannotMentionOrLinkInSlack() {
        RollbackFailed f = EventFixtures.event(RollbackFailed.class);
        RollbackFailed failed = new RollbackFailed(f.incidentId(), f.target(), f.executionId(), f.method(),
                "<!channel> look at <http://evil.example|this>", List.of("a & b <@U123>"), f.occurredAt());

        JsonNode json = json(RollbackAnnouncement.failed(incident, failed, SETTINGS));

        assertThat(fields(json, 1)).contains("*Failure*: &lt;!channel&gt; look at &lt;http://evil.example|this&gt;");
        assertThat(json.at("/blocks/2/text/text").asText()).isEqualTo("*Diagnosis*:\n• a &amp; b &lt;@U123&gt;");
        assertThat(json.toString()).doesNotContain("<!channel>").doesNotContain("<@U123>");
    }

    @Test
    void unknownVersionsAndTriggerSayUnknownAndNoTicketWithoutANumber() {
        IncidentContext sparse = new IncidentContext(TargetKey.parse("staging/shop/cart"), null, null, null, null,
                null, null);

        SlackMessage message = RollbackAnnouncement.started(sparse, EventFixtures.event(RollbackStarted.class),
                MessageSettings.defaults());

        assertThat(fields(json(message), 1)).contains("*From Version*: unknown", "*To Version*: unknown",
                "*Triggered By*: unknown", "*Reason*: unknown");
        assertThat(message.text()).doesNotContain("INCIDENT-").doesNotContain("Monitoring dashboards");
    }

    static JsonNode json(SlackMessage message) {
        return EventJson.mapper().valueToTree(message);
    }

    static List<String> fields(JsonNode json, int block) {
        return json.at("/blocks/" + block + "/fields").findValuesAsText("text");
    }
}
