package dev.rewind.notifier.domain;

import static dev.rewind.notifier.domain.RollbackAnnouncementTest.fields;
import static dev.rewind.notifier.domain.RollbackAnnouncementTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.IncidentEscalated;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationNoticeTest {

    private final IncidentContext incident = new IncidentContext(TargetKey.parse("production/payments/checkout"),
            123L, Severity.P1, "High error rate (12% 5xx errors)", null, "v1.3.0", "v1.2.5");

    @Test
    void namesTheLevelFromTheReasonMentionsItsPeopleAndListsTheRunbookDuties() {
        IncidentEscalated escalated = escalated(3, "INCIDENT-123 on production/payments/checkout is still unresolved "
                + "31 min after it opened: escalated to level 3 (engineering leadership), due after 30 min.");
        MessageSettings settings = new MessageSettings("5 minutes", null, Map.of(3, "<!subteam^S0ENGLEADS>"));

        SlackMessage message = EscalationNotice.render(incident, escalated, settings);

        JsonNode json = json(message);
        assertThat(json.at("/blocks/0/text/text").asText())
                .isEqualTo("📣 PRODUCTION INCIDENT ESCALATED TO LEVEL 3: ENGINEERING LEADERSHIP");
        assertThat(fields(json, 1)).contains("*Status*: Escalated to level 3",
                "*Level*: 3 - Engineering leadership (30-60 minutes)", "*Why*: " + escalated.reason());
        // The mention is configuration, trusted mrkdwn: it must reach Slack unescaped to notify the group.
        assertThat(json.at("/blocks/2/text/text").asText())
                .isEqualTo("<!subteam^S0ENGLEADS> this incident is yours now (escalation level 3)");
        assertThat(message.text()).startsWith("📣 PRODUCTION INCIDENT ESCALATED TO LEVEL 3: ENGINEERING LEADERSHIP\n"
                + "<!subteam^S0ENGLEADS> this incident is yours now");
        assertThat(json.at("/blocks/4/text/text").asText()).contains("Decision on extended downtime");
        assertThat(json.toString()).contains("INCIDENT-123");
    }

    @Test
    void aReasonWithoutTheLevelsNameGetsTheRunbooksNameAndNoMentionWhenNoneIsConfigured() {
        IncidentEscalated escalated = EventFixtures.event(IncidentEscalated.class);

        SlackMessage message = EscalationNotice.render(incident, escalated, MessageSettings.defaults());

        JsonNode json = json(message);
        assertThat(json.at("/blocks/0/text/text").asText())
                .isEqualTo("📣 PRODUCTION INCIDENT ESCALATED TO LEVEL 2: DEVOPS TEAM");
        assertThat(fields(json, 1)).contains("*Level*: 2 - DevOps Team (15-30 minutes)",
                "*Why*: rollback not completed within 15 minutes");
        assertThat(json.at("/blocks/2/text/text").asText()).startsWith("*Actions Taken*");
        assertThat(message.text()).doesNotContain("<!");
    }

    @Test
    void theLevelsNameIsTakenOnlyForItsOwnLevel() {
        assertThat(EscalationNotice.team(4, "escalated to level 4 (executive team); level 3 (leads) was skipped"))
                .isEqualTo("executive team");
        assertThat(EscalationNotice.team(2, "escalated to level 4 (executive team)")).isEqualTo("DevOps Team");
        assertThat(EscalationNotice.team(1, null)).isEqualTo("Development Team");
    }

    private static IncidentEscalated escalated(int level, String reason) {
        IncidentEscalated f = EventFixtures.event(IncidentEscalated.class);
        return new IncidentEscalated(f.incidentId(), f.target(), level, reason, f.occurredAt());
    }
}
