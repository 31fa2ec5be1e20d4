package dev.rewind.notifier.domain;

import static dev.rewind.notifier.domain.RollbackAnnouncementTest.fields;
import static dev.rewind.notifier.domain.RollbackAnnouncementTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.RollbackDeclined;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeclineNoticeTest {

    private final IncidentContext incident = new IncidentContext(TargetKey.parse("production/payments/checkout"),
            123L, Severity.P1, "High error rate (12% 5xx errors)", null, "v1.3.0", null);

    @Test
    void namesTheGuardItsReasonAndThatAPersonDecides() {
        RollbackDeclined declined = EventFixtures.event(RollbackDeclined.class);

        SlackMessage message = DeclineNotice.render(incident, declined, MessageSettings.defaults());

        JsonNode json = json(message);
        assertThat(json.at("/blocks/0/text/text").asText()).isEqualTo("🛑 PRODUCTION ROLLBACK DECLINED");
        assertThat(fields(json, 1)).containsExactly(
                "*Environment*: Production",
                "*Service*: checkout",
                "*From Version*: v1.3.0",
                "*Reason*: High error rate (12% 5xx errors)",
                "*Status*: Declined: no rollback",
                "*Declined Because*: release v1.3.0 is marked as carrying an irreversible schema change",
                "*Guard*: `IRREVERSIBLE_MIGRATION`");
        assertThat(json.at("/blocks/2/text/text").asText())
                .contains("Rewind did not roll back: the release carries an irreversible database change")
                .contains("INCIDENT-123");
        assertThat(json.at("/blocks/3/text/text").asText()).contains("A person decides");
    }

    @ParameterizedTest
    @EnumSource(DeclineReason.class)
    void everyGuardHasWordsAndANextStep(DeclineReason code) {
        RollbackDeclined f = EventFixtures.event(RollbackDeclined.class);

        SlackMessage message = DeclineNotice.render(incident, new RollbackDeclined(f.incidentId(), f.target(), code,
                "because", f.occurredAt()), MessageSettings.defaults());

        assertThat(message.text()).contains("Guard: `" + code.name() + "`")
                .contains("Rewind did not roll back: " + DeclineNotice.words(code)).contains("Next Steps:\n- ");
    }
}
