package dev.rewind.notifier.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.domain.IncidentContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FollowUpTicketTest {

    private static final TargetKey CHECKOUT = TargetKey.parse("production/payments/checkout");
    private static final IncidentContext INCIDENT = new IncidentContext(CHECKOUT, 123L, Severity.P1,
            "High error rate (12% 5xx errors)", "john.doe", "v1.3.0", "v1.2.5");

    private final FollowUpTicket tickets = new FollowUpTicket(settings(List.of(), Set.of(), Duration.ofHours(24)));

    @Test
    void aSuccessfulRollbackOpensATicketInTheShapeJiraCreatesIssuesFrom() throws Exception {
        Outgoing outgoing = tickets.plan(succeeded(INCIDENT)).orElseThrow();

        assertThat(outgoing.notification()).isEqualTo("follow-up-ticket");
        assertThat(outgoing.summary()).isEqualTo("Follow-up ticket opened in Jira");
        JsonNode fields = EventJson.mapper().readTree(outgoing.payload()).get("fields");
        assertThat(fields.at("/project/key").asText()).isEqualTo("OPS");
        assertThat(fields.at("/issuetype/name").asText()).isEqualTo("Task");
        assertThat(fields.get("summary").asText())
                .isEqualTo("Follow up the rollback of checkout in production (INCIDENT-123)");
        assertThat(fields.at("/description/type").asText()).isEqualTo("doc");
        assertThat(fields.at("/description/version").asInt()).isEqualTo(1);
        assertThat(fields.get("labels")).extracting(JsonNode::asText)
                .containsExactly("rewind", "rollback", "production");
    }

    @Test
    void theDescriptionSaysWhatHappenedWhyWhoAndWhen() throws Exception {
        JsonNode description = description(tickets.plan(succeeded(INCIDENT)).orElseThrow());

        assertThat(description.at("/content/0/type").asText()).isEqualTo("paragraph");
        assertThat(description.at("/content/0/content/0/text").asText()).isEqualTo("Rewind rolled checkout "
                + "(namespace payments) in production back from v1.3.0 to v1.2.5 at 2026-11-15 14:32 UTC; the "
                + "rollout and its verification passed.");
        assertThat(fieldParagraphs(description)).containsExactly(
                "Incident: INCIDENT-123 (P1)",
                "Reason: High error rate (12% 5xx errors)",
                "Triggered by: john.doe",
                "Rolled back with: kubectl rollout undo");
        assertThat(description.at("/content/1/content/0/marks/0/type").asText()).isEqualTo("strong");
    }

    @Test
    void theRunbooksFollowUpItemsAreABulletListWithThePostMortemDue() throws Exception {
        JsonNode description = description(tickets.plan(succeeded(INCIDENT)).orElseThrow());

        JsonNode heading = description.at("/content/5");
        assertThat(heading.get("type").asText()).isEqualTo("heading");
        assertThat(heading.at("/attrs/level").asInt()).isEqualTo(3);
        assertThat(heading.at("/content/0/text").asText()).isEqualTo("Follow-up");
        JsonNode list = description.at("/content/6");
        assertThat(list.get("type").asText()).isEqualTo("bulletList");
        assertThat(list.findValues("type")).extracting(JsonNode::asText).contains("listItem", "paragraph", "text");
        assertThat(list.findValuesAsText("text")).containsExactly(
                "Root cause analysis: find and document why v1.3.0 failed.",
                "Fix and tests: fix the fault and add tests that would have caught it before release.",
                "Post-mortem: complete it by 2026-11-16 14:32 UTC (within 24 hours of the rollback), with "
                        + "prevention measures and any monitoring gaps.");
    }

    @Test
    void everyTextNodeHasText() throws Exception {
        IncidentContext littleKnown = new IncidentContext(CHECKOUT, null, null, null, null, null, null);

        JsonNode description = description(tickets.plan(succeeded(littleKnown)).orElseThrow());

        assertThat(description.findValuesAsText("text")).allSatisfy(text -> assertThat(text).isNotBlank());
        assertThat(fieldParagraphs(description)).contains("Incident: unknown", "Reason: unknown",
                "Triggered by: unknown");
        assertThat(description.at("/content/0/content/0/text").asText())
                .contains("back from an unknown version to an unknown version");
    }

    @Test
    void withoutAnIncidentNumberTheSummaryLeavesItOut() throws Exception {
        IncidentContext unnumbered = new IncidentContext(CHECKOUT, null, null, null, null, "v1.3.0", "v1.2.5");

        Outgoing outgoing = tickets.plan(succeeded(unnumbered)).orElseThrow();

        assertThat(EventJson.mapper().readTree(outgoing.payload()).at("/fields/summary").asText())
                .isEqualTo("Follow up the rollback of checkout in production");
    }

    @Test
    void nothingIsOpenedForAnyOtherEvent() {
        for (Class<? extends IncidentEvent> type : List.of(IncidentOpened.class, RollbackStarted.class,
                RollbackFailed.class, RollbackUnverified.class, IncidentEscalated.class)) {
            assertThat(tickets.plan(notice(EventFixtures.event(type), INCIDENT))).as(type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void onlyTheConfiguredEnvironmentsGetATicket() {
        FollowUpTicket productionOnly = new FollowUpTicket(settings(List.of(), Set.of("production"),
                Duration.ofHours(24)));
        IncidentContext staging = new IncidentContext(TargetKey.parse("staging/payments/checkout"), 7L, null, null,
                null, "v1.3.0", "v1.2.5");

        assertThat(productionOnly.plan(succeeded(INCIDENT))).isPresent();
        assertThat(productionOnly.plan(succeeded(staging))).isEmpty();
    }

    @Test
    void configuredLabelsAreAddedOnceAndWithoutSpaces() throws Exception {
        FollowUpTicket labelled = new FollowUpTicket(settings(List.of("sre", "post mortem", "rewind", " "),
                Set.of(), Duration.ofHours(24)));

        JsonNode labels = EventJson.mapper().readTree(labelled.plan(succeeded(INCIDENT)).orElseThrow().payload())
                .at("/fields/labels");

        assertThat(labels).extracting(JsonNode::asText)
                .containsExactly("rewind", "rollback", "production", "sre", "post-mortem");
    }

    @Test
    void thePostMortemTimeIsConfigurable() throws Exception {
        FollowUpTicket sooner = new FollowUpTicket(settings(List.of(), Set.of(), Duration.ofMinutes(90)));

        JsonNode description = description(sooner.plan(succeeded(INCIDENT)).orElseThrow());

        assertThat(description.at("/content/6").findValuesAsText("text").get(2))
                .contains("by 2026-11-15 16:02 UTC (within 90 minutes of the rollback)");
    }

    @Test
    void durationsAreSaidInHoursWhenWhole() {
        assertThat(FollowUpTicket.describe(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(FollowUpTicket.describe(Duration.ofDays(2))).isEqualTo("48 hours");
        assertThat(FollowUpTicket.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
    }

    private static FollowUpTicket.Settings settings(List<String> labels, Set<String> environments,
                                                    Duration postMortemWithin) {
        return new FollowUpTicket.Settings("OPS", "Task", labels, environments, postMortemWithin);
    }

    private static JsonNode description(Outgoing outgoing) throws Exception {
        return EventJson.mapper().readTree(outgoing.payload()).at("/fields/description");
    }

    /** The bold-labelled paragraphs, as "Label: value". */
    private static List<String> fieldParagraphs(JsonNode description) {
        List<String> fields = new java.util.ArrayList<>();
        for (JsonNode block : description.get("content")) {
            JsonNode inline = block.path("content");
            if (inline.size() == 2 && inline.at("/0/marks/0/type").asText().equals("strong")) {
                fields.add(inline.at("/0/text").asText() + inline.at("/1/text").asText());
            }
        }
        return fields;
    }

    static Notice succeeded(IncidentContext incident) {
        RollbackSucceeded f = EventFixtures.event(RollbackSucceeded.class);
        return notice(new RollbackSucceeded(f.incidentId(), incident.target(), f.executionId(), f.method(),
                incident.fromVersion(), incident.toVersion(), f.message(), f.occurredAt()), incident);
    }

    static Notice notice(IncidentEvent event, IncidentContext incident) {
        return new Notice(UUID.randomUUID(), Topic.typeOf(event.getClass()), event, incident);
    }
}
