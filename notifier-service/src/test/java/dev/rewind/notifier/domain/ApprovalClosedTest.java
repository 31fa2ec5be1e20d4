package dev.rewind.notifier.domain;

import static dev.rewind.notifier.domain.RollbackAnnouncementTest.fields;
import static dev.rewind.notifier.domain.RollbackAnnouncementTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalRejected;
import org.junit.jupiter.api.Test;

class ApprovalClosedTest {

    private final IncidentContext incident = new IncidentContext(TargetKey.parse("production/payments/checkout"),
            123L, Severity.P1, "High error rate (12% 5xx errors)", null, "v1.3.0", null);

    @Test
    void aRejectionNamesWhoRejectedAndWhy() {
        ApprovalRejected rejected = EventFixtures.event(ApprovalRejected.class);

        JsonNode json = json(ApprovalClosed.rejected(incident, rejected, MessageSettings.defaults()));

        assertThat(json.at("/blocks/0/text/text").asText()).isEqualTo("✋ PRODUCTION ROLLBACK REJECTED");
        assertThat(fields(json, 1)).containsExactly(
                "*Environment*: Production",
                "*Service*: checkout",
                "*From Version*: v1.3.0",
                "*Reason*: High error rate (12% 5xx errors)",
                "*Status*: Rejected: no rollback",
                "*Rejected By*: @jane.roe",
                "*Rejection Reason*: fix forward is faster: hotfix v1.3.1 is already building");
        assertThat(json.toString()).contains("INCIDENT-123").contains("Request " + rejected.requestId());
    }

    @Test
    void anExpiryNamesWhenItWasRequestedAndHowLongItWaited() {
        ApprovalExpired expired = EventFixtures.event(ApprovalExpired.class);

        JsonNode json = json(ApprovalClosed.expired(incident, expired, MessageSettings.defaults()));

        assertThat(json.at("/blocks/0/text/text").asText()).isEqualTo("⌛ PRODUCTION ROLLBACK APPROVAL EXPIRED");
        assertThat(fields(json, 1)).contains(
                "*Status*: Expired undecided: no rollback",
                "*Requested At*: <!date^1794752731^{date_short_pretty} {time}|2026-11-15 14:25 UTC>",
                "*Waited*: 15 minutes");
        assertThat(json.toString()).contains("INCIDENT-123");
    }
}
