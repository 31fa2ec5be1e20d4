package dev.rewind.notifier.domain;

import static dev.rewind.notifier.domain.RollbackAnnouncementTest.fields;
import static dev.rewind.notifier.domain.RollbackAnnouncementTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import org.junit.jupiter.api.Test;

class AlertsResolvedNoticeTest {

    private static final TargetKey TARGET = TargetKey.parse("production/payments/checkout");
    private final IncidentContext incident = new IncidentContext(TARGET, 123L, Severity.P1,
            "High error rate (12% 5xx errors)", null, "v1.3.0", null);

    @Test
    void warnsThatTheFaultMayHaveClearedWhileTheRollbackAwaitsApproval() {
        ApprovalAlertsResolved flagged = EventFixtures.event(ApprovalAlertsResolved.class);

        SlackMessage message = AlertsResolvedNotice.render(incident, flagged, MessageSettings.defaults());

        JsonNode json = json(message);
        assertThat(json.at("/blocks/0/text/text").asText())
                .isEqualTo("⚠️ PRODUCTION ALERTS RESOLVED, ROLLBACK STILL AWAITING APPROVAL");
        assertThat(fields(json, 1)).containsExactly(
                "*Environment*: Production",
                "*Service*: checkout",
                "*From Version*: v1.3.0",
                "*Severity*: P1",
                "*Reason*: High error rate (12% 5xx errors)",
                "*Status*: Awaiting approval",
                "*Alerts Resolved*: <!date^1794753240^{date_short_pretty} {time_secs}|2026-11-15 14:34:00 UTC>",
                "*Note*: Every alert of this incident resolved at 2026-11-15T14:34:00Z; the fault may have cleared: "
                        + "consider rejecting");
        assertThat(message.text()).contains("POST /api/v1/approvals/" + flagged.requestId() + "/reject")
                .contains("INCIDENT-123")
                .startsWith("⚠️ PRODUCTION ALERTS RESOLVED, ROLLBACK STILL AWAITING APPROVAL\n");
    }

    @Test
    void aHeldRollbackIsSaidToBeHeld() {
        ApprovalAlertsResolved f = EventFixtures.event(ApprovalAlertsResolved.class);
        ApprovalAlertsResolved held = new ApprovalAlertsResolved(f.incidentId(), f.target(), f.requestId(), true,
                f.alertsResolvedAt(), f.note(), f.occurredAt());

        SlackMessage message = AlertsResolvedNotice.render(incident, held, MessageSettings.defaults());

        assertThat(message.text()).startsWith("⚠️ PRODUCTION ALERTS RESOLVED, ROLLBACK STILL HELD BY A GUARD");
        assertThat(fields(json(message), 1)).contains("*Status*: Held by a guard");
    }
}
