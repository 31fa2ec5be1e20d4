package dev.rewind.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.ChecklistItemOverdue;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Notice.Kind;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.domain.IncidentContext;
import dev.rewind.notifier.domain.MessageSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlackPlannerTest {

    /** The default of rewind.notifier.slack.notifications. */
    private static final List<String> DEFAULT_KINDS = List.of("approval-needed", "alerts-resolved-awaiting-approval",
            "rollback-started", "rollback-succeeded", "rollback-unverified", "rollback-failed", "rollback-declined",
            "approval-rejected", "approval-expired", "escalated", "checklist-item-overdue");
    private static final SlackRoutes ROUTES = new SlackRoutes(List.of(
            new SlackRoutes.Route("critical", Set.of("production"), Set.of(Severity.P0), "C0CRITICAL")),
            Optional.of("C0ROLLBACKS"));

    private final SlackPlanner webApi = new SlackPlanner(SlackPlanner.kinds(DEFAULT_KINDS), Optional.of(ROUTES),
            MessageSettings.defaults(), true);
    private final SlackPlanner webhook = new SlackPlanner(SlackPlanner.kinds(DEFAULT_KINDS), Optional.empty(),
            MessageSettings.defaults(), true);

    @Test
    void quietByDefaultAStepOrAnOpeningPostsNothingUnlessListed() {
        assertThat(webApi.plan(notice(EventFixtures.event(RollbackStepCompleted.class), Severity.P1))).isEmpty();
        assertThat(webApi.plan(notice(EventFixtures.event(IncidentOpened.class), Severity.P1))).isEmpty();

        SlackPlanner chatty = new SlackPlanner(SlackPlanner.kinds(List.of("rollback-step")), Optional.of(ROUTES),
                MessageSettings.defaults(), true);
        RollbackStepCompleted step = EventFixtures.event(RollbackStepCompleted.class);
        Notice stepNotice = notice(step, Severity.P1);
        List<Outgoing> planned = chatty.plan(stepNotice);
        // Every step is its own notification (the incident has several), yet a redelivered step is the same one.
        assertThat(planned).singleElement().satisfies(outgoing -> {
            assertThat(outgoing.notification()).isEqualTo("rollback-step-" + stepNotice.eventId());
            assertThat(outgoing.summary()).isEqualTo("Slack: rollback step patched posted");
        });
    }

    @Test
    void theFirstMessageGoesToTheRoutedChannelAndIsNotBroadcast() {
        List<Outgoing> planned = webApi.plan(notice(EventFixtures.event(RollbackStarted.class), Severity.P0));

        assertThat(planned).singleElement().satisfies(outgoing -> {
            assertThat(outgoing.notification()).isEqualTo("rollback-started");
            assertThat(outgoing.summary()).isEqualTo("Slack: rollback initiated announced");
            SlackPost post = SlackPost.read(outgoing.payload());
            assertThat(post.channel()).isEqualTo("C0CRITICAL");
            assertThat(post.broadcast()).isFalse();
            assertThat(post.updates()).isNull();
            assertThat(post.message().at("/blocks/0/text/text").asText())
                    .isEqualTo("🚨 PRODUCTION ROLLBACK INITIATED");
        });
        assertThat(SlackPost.read(webApi.plan(notice(EventFixtures.event(RollbackStarted.class), Severity.P2))
                .get(0).payload()).channel()).isEqualTo("C0ROLLBACKS");
    }

    @Test
    void anOutcomeIsBroadcastAndAlsoUpdatesTheFirstMessageInWebApiMode() {
        List<Outgoing> planned = webApi.plan(notice(EventFixtures.event(RollbackSucceeded.class), Severity.P1));

        assertThat(planned).extracting(Outgoing::notification)
                .containsExactly("rollback-succeeded", "first-message-rollback-succeeded");
        assertThat(SlackPost.read(planned.get(0).payload()).broadcast()).isTrue();
        SlackPost update = SlackPost.read(planned.get(1).payload());
        assertThat(update.updates()).isEqualTo("rollback-succeeded");
        assertThat(update.message()).isEqualTo(SlackPost.read(planned.get(0).payload()).message());

        SlackPlanner noUpdates = new SlackPlanner(SlackPlanner.kinds(DEFAULT_KINDS), Optional.of(ROUTES),
                MessageSettings.defaults(), false);
        assertThat(noUpdates.plan(notice(EventFixtures.event(RollbackFailed.class), Severity.P1)))
                .extracting(Outgoing::notification).containsExactly("rollback-failed");
    }

    @Test
    void anEscalationIsBroadcastPerLevelButNeverRewritesTheFirstMessageWhichMayStillHoldTheButtons() {
        List<Outgoing> planned = webApi.plan(notice(EventFixtures.event(IncidentEscalated.class), Severity.P1));

        assertThat(planned).singleElement().satisfies(outgoing -> {
            assertThat(outgoing.notification()).isEqualTo("escalated-2");
            assertThat(outgoing.summary()).isEqualTo("Slack: escalation to level 2 (DevOps Team) announced");
            assertThat(SlackPost.read(outgoing.payload()).broadcast()).isTrue();
        });
        assertThat(SlackPlanner.UPDATES_FIRST).doesNotContain(Kind.ESCALATED, Kind.APPROVAL_NEEDED);
    }

    @Test
    void inWebhookModeThereIsNoChannelAndNoUpdate() {
        List<Outgoing> planned = webhook.plan(notice(EventFixtures.event(RollbackSucceeded.class), Severity.P0));

        assertThat(planned).singleElement().satisfies(outgoing ->
                assertThat(SlackPost.read(outgoing.payload()).channel()).isNull());
    }

    @Test
    void anIncidentNoRouteTakesAndWithoutADefaultChannelIsNotForSlack() {
        SlackPlanner productionOnly = new SlackPlanner(SlackPlanner.kinds(DEFAULT_KINDS), Optional.of(new SlackRoutes(
                List.of(new SlackRoutes.Route("prod", Set.of("production"), Set.of(), "C0PROD")), Optional.empty())),
                MessageSettings.defaults(), true);

        RollbackStarted f = EventFixtures.event(RollbackStarted.class);
        RollbackStarted inDevelopment = new RollbackStarted(f.incidentId(), TargetKey.parse("development/shop/cart"),
                f.executionId(), f.method(), f.fromRevision(), f.toRevision(), f.fromVersion(), f.toVersion(),
                f.occurredAt());
        assertThat(productionOnly.plan(notice(inDevelopment, Severity.P1))).isEmpty();
        assertThat(productionOnly.plan(notice(f, Severity.P1))).hasSize(1);
    }

    @Test
    void everyDefaultKindHasAMessageAndAnApprovalRequestIsBroadcastSoApproversSeeIt() {
        assertThat(SlackPlanner.WRITTEN).containsAll(SlackPlanner.kinds(DEFAULT_KINDS));
        List<Outgoing> planned = webApi.plan(notice(EventFixtures.event(ApprovalRequested.class), Severity.P1));
        assertThat(SlackPost.read(planned.get(0).payload()).broadcast()).isTrue();
        assertThat(planned.get(0).summary()).isEqualTo("Slack: approvers asked to approve the rollback");
    }

    @Test
    void aKindSlackCannotSayOrDoesNotKnowFailsAtStartupNamingTheKey() {
        assertThatThrownBy(() -> SlackPlanner.kinds(List.of("rollback-started", "rollback-exploded")))
                .hasMessageContaining("rewind.notifier.slack.notifications").hasMessageContaining("rollback-exploded");
        assertThatThrownBy(() -> new SlackPlanner(SlackPlanner.kinds(List.of("incident-opened")), Optional.empty(),
                MessageSettings.defaults(), true)).hasMessageContaining("incident-opened")
                .hasMessageContaining("no message for");
    }

    @Test
    void anOverdueChecklistItemIsARepliedReminderInTheIncidentsThreadOnePerItem() {
        ChecklistItemOverdue overdue = EventFixtures.event(ChecklistItemOverdue.class);
        ChecklistItemOverdue another = new ChecklistItemOverdue(overdue.incidentId(), overdue.target(), 123L,
                "document-root-cause", "Document root cause (preliminary)", "short-term", overdue.dueAt(),
                overdue.occurredAt());

        List<Outgoing> planned = webApi.plan(notice(overdue, Severity.P1));

        assertThat(planned).singleElement().satisfies(outgoing -> {
            assertThat(outgoing.notification()).isEqualTo("checklist-item-overdue-update-status-page");
            assertThat(outgoing.summary()).isEqualTo("Slack: overdue checklist item \"Update status page\" posted");
            SlackPost post = SlackPost.read(outgoing.payload());
            assertThat(post.channel()).isEqualTo("C0ROLLBACKS");
            assertThat(post.broadcast()).as("a reminder stays in the thread").isFalse();
            assertThat(post.updates()).as("the first message keeps the outcome").isNull();
            assertThat(post.message().at("/blocks/0/text/text").asText())
                    .isEqualTo("⏰ PRODUCTION CHECKLIST ITEM OVERDUE");
            assertThat(post.message().at("/text").asText()).contains("Item: Update status page")
                    .contains("Phase: Immediate actions").contains("/api/v1/incidents/123/checklist/update-status-page");
        });
        assertThat(webApi.plan(notice(another, Severity.P1))).extracting(Outgoing::notification)
                .containsExactly("checklist-item-overdue-document-root-cause");
        SlackPlanner quiet = new SlackPlanner(SlackPlanner.kinds(List.of("rollback-succeeded")), Optional.of(ROUTES),
                MessageSettings.defaults(), true);
        assertThat(quiet.plan(notice(overdue, Severity.P1))).isEmpty();
    }

    private static Notice notice(IncidentEvent event, Severity severity) {
        IncidentContext incident = new IncidentContext(event.target(), 123L, severity, "High error rate", "john.doe",
                "v1.3.0", "v1.2.5");
        return new Notice(UUID.randomUUID(), "dev.rewind.test", event, incident);
    }
}
