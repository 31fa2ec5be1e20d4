package dev.rewind.postmortem.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.incident.AlertResolvedOnIncident;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ChecklistItemOverdue;
import dev.rewind.events.incident.GuardOverridden;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackUnverified;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TimelineTextTest {

    static java.util.Set<String> incidentTypes() {
        return Topics.INCIDENT_EVENTS.types();
    }

    @ParameterizedTest
    @MethodSource("incidentTypes")
    void everyIncidentEventHasATimelineLine(String type) {
        IncidentEvent event = Topics.INCIDENT_EVENTS.parse(type, EventFixtures.json(type));

        TimelineText.Line line = TimelineText.of(event);

        assertThat(line.kind()).matches("[a-z-]+");
        assertThat(line.summary()).isNotBlank();
    }

    @Test
    void openedLineNamesTheIncidentNumberSeverityAndReason() {
        assertThat(TimelineText.of(EventFixtures.event(IncidentOpened.class)))
                .isEqualTo(new TimelineText.Line("opened",
                        "Incident INCIDENT-123 opened (P1): High error rate (12% 5xx errors)"));
    }

    @Test
    void aResolvedAlertLineNamesTheAlertItsSourceAndWhenItResolved() {
        assertThat(TimelineText.of(EventFixtures.event(AlertResolvedOnIncident.class)))
                .isEqualTo(new TimelineText.Line("alert-resolved", "Alert c5e1f2a3b4d5e6f7 (ERROR_RATE) from "
                        + "alertmanager resolved at 2026-11-15T14:35:00Z, firing since 2026-11-15T14:25:00Z"));
        assertThat(IncidentStatus.after(EventFixtures.event(AlertResolvedOnIncident.class))).isEmpty();
    }

    @Test
    void aFlaggedApprovalLineSaysTheFaultMayHaveCleared() {
        assertThat(TimelineText.of(EventFixtures.event(ApprovalAlertsResolved.class)))
                .isEqualTo(new TimelineText.Line("approval-flagged", "Request 2d0b9a74-9e3f-4c20-b15d-4c8e7f6a5b43 "
                        + "still awaiting approval: every alert of this incident resolved at 2026-11-15T14:34:00Z; "
                        + "the fault may have cleared: consider rejecting"));
        assertThat(IncidentStatus.after(EventFixtures.event(ApprovalAlertsResolved.class))).isEmpty();
    }

    @Test
    void anOverdueChecklistItemLineNamesTheItemItsPhaseAndItsDueTime() {
        assertThat(TimelineText.of(EventFixtures.event(ChecklistItemOverdue.class)))
                .isEqualTo(new TimelineText.Line("checklist-overdue", "Checklist item \"Update status page\" "
                        + "(immediate) overdue since 2026-11-15T14:37:00Z"));
        assertThat(IncidentStatus.after(EventFixtures.event(ChecklistItemOverdue.class))).isEmpty();
    }

    @Test
    void failureLineKeepsTheToolsWordsAndTheDiagnosis() {
        assertThat(TimelineText.of(EventFixtures.event(RollbackFailed.class)).summary())
                .isEqualTo("Rollback failed: deployment \"checkout\" exceeded its progress deadline. Diagnosis: pod "
                        + "checkout-7d9f8-x2x4q: container checkout is waiting: ImagePullBackOff (Back-off pulling "
                        + "image \"registry.example/payments/checkout:v1.2.5\"): check the image name and the registry "
                        + "credentials");
    }

    @Test
    void anUnverifiedRollbackIsItsOwnOutcome() {
        RollbackUnverified unverified = EventFixtures.event(RollbackUnverified.class);

        assertThat(IncidentStatus.after(unverified)).contains(IncidentStatus.ROLLED_BACK_UNVERIFIED);
        assertThat(TimelineText.of(unverified)).isEqualTo(new TimelineText.Line("unverified",
                "Rolled back: v1.3.0 -> v1.2.5 but not verified: health: GET http://checkout.payments.svc/healthz "
                        + "answered 503 (3 attempts in 60s)"));
    }

    @Test
    void statusFollowsLifecycleEventsAndIgnoresOthers() {
        assertThat(IncidentStatus.after(EventFixtures.event(RollbackFailed.class)))
                .contains(IncidentStatus.ROLLBACK_FAILED);
        assertThat(IncidentStatus.after(EventFixtures.event(NotificationDelivered.class))).isEmpty();
        assertThat(Topic.typeOf(NotificationDelivered.class)).isEqualTo("dev.rewind.notification.delivered.v1");
    }

    @Test
    void anExpiredRequestExpiresTheIncidentAndAnOverrideLeavesItsStatus() {
        assertThat(IncidentStatus.after(EventFixtures.event(ApprovalExpired.class))).contains(IncidentStatus.EXPIRED);
        assertThat(IncidentStatus.after(EventFixtures.event(GuardOverridden.class))).isEmpty();
    }

    @Test
    void aNotificationSaysWhoWasToldAndAFailedOneWhyNot() {
        assertThat(TimelineText.of(EventFixtures.event(NotificationDelivered.class)))
                .isEqualTo(new TimelineText.Line("notified", "On-call engineer paged (PagerDuty)"));
        assertThat(TimelineText.of(EventFixtures.event(NotificationFailed.class)).summary())
                .isEqualTo("Could not notify on slack (rollback-started) after 8 attempts: Slack answered 503 Service "
                        + "Unavailable 8 times over 1 hour; the message was not delivered");
        assertThat(IncidentStatus.after(EventFixtures.event(NotificationFailed.class))).isEmpty();
    }
}
