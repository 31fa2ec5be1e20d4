package dev.rewind.notifier.domain;

import static dev.rewind.notifier.domain.RollbackAnnouncementTest.fields;
import static dev.rewind.notifier.domain.RollbackAnnouncementTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.RollbackStepCompleted;
import org.junit.jupiter.api.Test;

class StepNoticeTest {

    @Test
    void namesTheStepAndItsDetail() {
        IncidentContext incident = new IncidentContext(TargetKey.parse("production/payments/checkout"), 123L,
                Severity.P1, "High error rate", "john.doe", "v1.3.0", "v1.2.5");

        JsonNode json = json(StepNotice.render(incident, EventFixtures.event(RollbackStepCompleted.class),
                MessageSettings.defaults()));

        assertThat(json.at("/blocks/0/text/text").asText()).isEqualTo("🔧 PRODUCTION ROLLBACK STEP: PATCHED");
        assertThat(fields(json, 1)).containsExactly("*Environment*: Production", "*Service*: checkout",
                "*From Version*: v1.3.0", "*To Version*: v1.2.5", "*Status*: In Progress",
                "*Detail*: deployment.apps/checkout rolled back to revision 1");
        assertThat(json.toString()).contains("INCIDENT-123");
    }
}
