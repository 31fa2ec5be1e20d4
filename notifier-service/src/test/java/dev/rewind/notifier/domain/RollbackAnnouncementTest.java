package dev.rewind.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.notifier.domain.RollbackAnnouncement.Phase;
import org.junit.jupiter.api.Test;

class RollbackAnnouncementTest {

    private final IncidentContext incident = new IncidentContext(TargetKey.parse("production/payments/myapp"), 123L,
            Severity.P1, "High error rate (12% 5xx errors)", "john.doe", "v1.3.0", "v1.2.5");

    @Test
    void startedMessageFollowsTheRunbookTemplate() {
        SlackMessage message = RollbackAnnouncement.render(incident, Phase.STARTED, null);

        assertThat(message.blocks().get(0).text().text()).isEqualTo("🚨 PRODUCTION ROLLBACK INITIATED");
        assertThat(message.blocks().get(1).fields()).extracting(SlackMessage.Text::text).containsExactly(
                "*Environment*: Production", "*Service*: myapp", "*From Version*: v1.3.0", "*To Version*: v1.2.5",
                "*Triggered By*: @john.doe", "*Reason*: High error rate (12% 5xx errors)", "*Status*: In Progress");
        assertThat(contextText(message)).contains("INCIDENT-123").contains("P1");
        assertThat(message.text()).startsWith("🚨 PRODUCTION ROLLBACK INITIATED\nEnvironment: Production");
    }

    @Test
    void failureMessageCarriesTheToolsReason() {
        SlackMessage message = RollbackAnnouncement.render(incident, Phase.FAILED,
                "deployment \"myapp\" exceeded its progress deadline");

        assertThat(message.blocks().get(0).text().text()).isEqualTo("❌ PRODUCTION ROLLBACK FAILED");
        assertThat(message.blocks().get(1).fields()).extracting(SlackMessage.Text::text)
                .contains("*Status*: Failed", "*Detail*: deployment \"myapp\" exceeded its progress deadline");
    }

    @Test
    void anUnverifiedRollbackSaysSoAndWhy() {
        SlackMessage message = RollbackAnnouncement.render(incident, Phase.UNVERIFIED, "health: answered 503");

        assertThat(message.blocks().get(0).text().text()).isEqualTo("⚠️ PRODUCTION ROLLBACK NOT VERIFIED");
        assertThat(message.blocks().get(1).fields()).extracting(SlackMessage.Text::text)
                .contains("*Status*: Rolled out, verification failed", "*Detail*: health: answered 503");
    }

    @Test
    void aLongDiagnosisIsCutToWhatSlackShowsInAField() {
        SlackMessage message = RollbackAnnouncement.render(incident, Phase.FAILED, "x".repeat(5000));

        assertThat(message.blocks().get(1).fields()).allSatisfy(field -> assertThat(field.text()).hasSizeLessThan(2000));
        assertThat(message.blocks().get(1).fields()).last().extracting(SlackMessage.Text::text).asString()
                .endsWith("… (cut)");
    }

    @Test
    void unknownFieldsSayUnknown() {
        IncidentContext sparse = new IncidentContext(TargetKey.parse("staging/shop/cart"), null, null, null, null,
                null, null);

        SlackMessage message = RollbackAnnouncement.render(sparse, Phase.SUCCEEDED, null);

        assertThat(message.blocks().get(1).fields()).extracting(SlackMessage.Text::text)
                .contains("*From Version*: unknown", "*Triggered By*: unknown", "*Status*: Completed");
        assertThat(contextText(message)).doesNotContain("INCIDENT-");
    }

    private static String contextText(SlackMessage message) {
        return ((SlackMessage.Text) message.blocks().get(2).elements().get(0)).text();
    }
}
