package dev.rewind.notifier.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.Topics;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.channel.SentBefore;
import dev.rewind.notifier.domain.IncidentContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutyPlannerTest {

    private static final PagerDutyRules DEFAULTS = new PagerDutyRules(Set.of(Severity.P0, Severity.P1),
            Set.of("oncall"), Set.of(), Set.of(), "Rewind", Optional.empty());

    private final IncidentOpened opened = EventFixtures.event(IncidentOpened.class);

    @Test
    void aP1IncidentOpeningPagesTheOnCallEngineerWithTheIncidentAsDedupKey() throws Exception {
        PagerDutyPlanner planner = new PagerDutyPlanner(new PagerDutyRules(Set.of(Severity.P0, Severity.P1),
                Set.of("oncall"), Set.of(), Set.of(), "Rewind", Optional.of("https://rewind.example/incidents")));

        List<Outgoing> planned = planner.plan(notice(opened, context(opened.target(), Severity.P1)));

        assertThat(planned).extracting(Outgoing::notification).containsExactly("trigger");
        assertThat(planned.get(0).summary()).isEqualTo("On-call engineer paged (PagerDuty)");
        PagerDutyRequest request = PagerDutyRequest.parse(planned.get(0).payload());
        assertThat(request.endpoint()).isEqualTo("/v2/enqueue");
        assertThat(request.level()).isNull();
        JsonNode event = request.event();
        assertThat(event.has("routing_key")).as("the secret is added when sent, never stored").isFalse();
        assertThat(event.get("event_action").asText()).isEqualTo("trigger");
        assertThat(event.get("dedup_key").asText()).isEqualTo(opened.incidentId().toString());
        JsonNode payload = event.get("payload");
        assertThat(payload.get("summary").asText())
                .isEqualTo("[P1] INCIDENT-123: payments/checkout in production: High error rate (12% 5xx errors)");
        assertThat(payload.get("source").asText()).isEqualTo("production/payments/checkout");
        assertThat(payload.get("severity").asText()).isEqualTo("error");
        assertThat(payload.get("timestamp").asText()).isEqualTo("2026-11-15T14:25:31.400Z");
        assertThat(payload.get("component").asText()).isEqualTo("checkout");
        assertThat(payload.get("group").asText()).isEqualTo("payments");
        assertThat(payload.get("class").asText()).isEqualTo("error_rate");
        assertThat(payload.get("custom_details").get("incident").asText()).isEqualTo("INCIDENT-123");
        assertThat(payload.get("custom_details").get("reason").asText()).isEqualTo("High error rate (12% 5xx errors)");
        assertThat(payload.get("custom_details").get("running_version").asText()).isEqualTo("v1.3.0");
        assertThat(payload.get("custom_details").get("environment").asText()).isEqualTo("production");
        assertThat(event.get("client").asText()).isEqualTo("Rewind");
        assertThat(event.get("client_url").asText()).isEqualTo("https://rewind.example/incidents");
        assertThat(event.at("/links/0/href").asText()).isEqualTo("https://rewind.example/incidents");
        assertThat(fieldNames(event)).containsOnly("event_action", "dedup_key", "payload", "links", "client",
                "client_url");
        assertThat(fieldNames(payload)).containsOnly("summary", "source", "severity", "timestamp", "component",
                "group", "class", "custom_details");
    }

    @ParameterizedTest
    @CsvSource({"P0,critical", "P1,error", "P2,warning", "P3,info"})
    void pagerDutySeverityFollowsTheIncidentSeverity(Severity severity, String expected) {
        PagerDutyPlanner planner = new PagerDutyPlanner(new PagerDutyRules(Set.of(Severity.values()),
                Set.of("oncall"), Set.of(), Set.of(), "Rewind", Optional.empty()));
        IncidentOpened event = opened(opened.target(), severity);

        List<Outgoing> planned = planner.plan(notice(event, context(event.target(), severity)));

        assertThat(eventOf(planned.get(0)).at("/payload/severity").asText()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"P2", "P3"})
    void lessSevereIncidentsPageNobodyByDefault(Severity severity) {
        IncidentOpened event = opened(opened.target(), severity);

        assertThat(new PagerDutyPlanner(DEFAULTS).plan(notice(event, context(event.target(), severity)))).isEmpty();
    }

    @Test
    void anEnvironmentPagerDutyDoesNotHearOfIsNotPagedFor() {
        PagerDutyPlanner planner = new PagerDutyPlanner(new PagerDutyRules(Set.of(Severity.P0, Severity.P1),
                Set.of("oncall"), Set.of("production"), Set.of(2), "Rewind", Optional.empty()));
        TargetKey staging = new TargetKey("staging", "payments", "checkout");

        for (IncidentEvent event : List.of(opened(staging, Severity.P0), escalated(staging, 2), started(staging))) {
            assertThat(planner.plan(notice(event, context(staging, Severity.P0)))).as(event.toString()).isEmpty();
        }
    }

    @Test
    void aSummaryLongerThanPagerDutyTakesIsCutAt1024Characters() {
        IncidentOpened longReason = new IncidentOpened(opened.incidentId(), opened.incidentNumber(), opened.target(),
                Severity.P0, opened.signal(), "x".repeat(3000), opened.version(), opened.occurredAt());

        List<Outgoing> planned = new PagerDutyPlanner(DEFAULTS).plan(notice(longReason,
                context(longReason.target(), Severity.P0)));

        String summary = eventOf(planned.get(0)).at("/payload/summary").asText();
        assertThat(summary).hasSize(1024).startsWith("[P0] INCIDENT-123: payments/checkout in production: xxx");
    }

    @Test
    void anApprovalTheOnCallEngineerMayGivePagesThemWithTheIncidentAsDedupKey() {
        ApprovalRequested asked = EventFixtures.event(ApprovalRequested.class); // [[oncall, team-lead]]

        List<Outgoing> planned = new PagerDutyPlanner(DEFAULTS).plan(notice(asked, context(asked.target(),
                Severity.P1)));

        assertThat(planned).extracting(Outgoing::notification).containsExactly("approval-trigger");
        assertThat(planned.get(0).summary()).isEqualTo("On-call engineer paged for approval (PagerDuty)");
        JsonNode event = eventOf(planned.get(0));
        assertThat(event.get("dedup_key").asText()).isEqualTo(asked.incidentId().toString());
        assertThat(event.at("/payload/summary").asText()).isEqualTo("[P1] INCIDENT-123: rollback of "
                + "payments/checkout in production awaits approval by oncall or team-lead (decide by "
                + "2026-11-15T14:40:31.400Z): High error rate (12% 5xx errors)");
        assertThat(event.at("/payload/severity").asText()).isEqualTo("error");
        assertThat(event.at("/payload/custom_details/approval_request").asText())
                .isEqualTo(asked.requestId().toString());
        assertThat(event.at("/payload/custom_details/may_not_approve/0").asText()).isEqualTo("jane.dev");
    }

    @Test
    void anApprovalNoPagingRoleMayGiveIsNoPage() {
        ApprovalRequested f = EventFixtures.event(ApprovalRequested.class);
        ApprovalRequested teamLeadAndReviewer = new ApprovalRequested(f.incidentId(), f.target(), f.requestId(),
                Severity.P2, List.of(List.of("team-lead"), List.of("reviewer")), f.excluded(), f.deadline(),
                f.expiresAt(), f.occurredAt());

        assertThat(new PagerDutyPlanner(DEFAULTS).plan(notice(teamLeadAndReviewer, context(f.target(), Severity.P2))))
                .isEmpty();
        PagerDutyRules noApprovals = new PagerDutyRules(DEFAULTS.severities(), Set.of("none"), Set.of(), Set.of(),
                "Rewind", Optional.empty());
        assertThat(new PagerDutyPlanner(noApprovals).plan(notice(f, context(f.target(), Severity.P1)))).isEmpty();
    }

    @Test
    void everyRollbackStartedIsAChangeEvent() {
        RollbackStarted started = started(opened.target());
        IncidentContext incident = new IncidentContext(started.target(), 123L, Severity.P3, "Slow checkout",
                "john.doe", "v1.3.0", "v1.2.5");

        List<Outgoing> planned = new PagerDutyPlanner(DEFAULTS).plan(notice(started, incident));

        assertThat(planned).extracting(Outgoing::notification).containsExactly("change");
        PagerDutyRequest request = PagerDutyRequest.parse(planned.get(0).payload());
        assertThat(request.endpoint()).isEqualTo("/v2/change/enqueue");
        assertThat(fieldNames(request.event())).containsOnly("payload");
        JsonNode payload = request.event().get("payload");
        assertThat(fieldNames(payload)).containsOnly("summary", "source", "timestamp", "custom_details");
        assertThat(payload.get("summary").asText())
                .isEqualTo("Rollback of payments/checkout in production from v1.3.0 to v1.2.5 (INCIDENT-123, P3)");
        assertThat(payload.get("source").asText()).isEqualTo("production/payments/checkout");
        assertThat(payload.get("timestamp").asText()).isEqualTo("2026-11-15T14:27:00Z");
        assertThat(payload.at("/custom_details/method").asText()).isEqualTo("KUBECTL");
        assertThat(payload.at("/custom_details/triggered_by").asText()).isEqualTo("john.doe");
        assertThat(payload.at("/custom_details/to_revision").asText()).isEqualTo("1");
    }

    @Test
    void aVerifiedRollbackResolvesWhatTheIncidentPaged() {
        RollbackSucceeded succeeded = EventFixtures.event(RollbackSucceeded.class);

        List<Outgoing> planned = new PagerDutyPlanner(DEFAULTS).plan(notice(succeeded, context(succeeded.target(),
                Severity.P1)));

        assertThat(planned).extracting(Outgoing::notification).containsExactly("resolve");
        assertThat(PagerDutyRequest.parse(planned.get(0).payload()).resolves()).isTrue();
    }

    @Test
    void aVerifiedRollbackOfAnIncidentNothingCouldHavePagedResolvesNothing() {
        RollbackSucceeded succeeded = EventFixtures.event(RollbackSucceeded.class);
        PagerDutyRules severeOnly = new PagerDutyRules(DEFAULTS.severities(), Set.of("none"), Set.of(), Set.of(),
                "Rewind", Optional.empty());

        assertThat(new PagerDutyPlanner(severeOnly).plan(notice(succeeded, context(succeeded.target(), Severity.P3))))
                .isEmpty();
        assertThat(new PagerDutyPlanner(severeOnly).plan(notice(succeeded, context(succeeded.target(), Severity.P0))))
                .extracting(Outgoing::notification).containsExactly("resolve");
    }

    @Test
    void anEscalationPagesItsLevelsRoutingKeyWhenOneIsConfigured() {
        PagerDutyPlanner planner = new PagerDutyPlanner(new PagerDutyRules(DEFAULTS.severities(), Set.of("oncall"),
                Set.of(), Set.of(2), "Rewind", Optional.empty()));
        IncidentEscalated toDevOps = escalated(opened.target(), 2);

        List<Outgoing> planned = planner.plan(notice(toDevOps, context(toDevOps.target(), Severity.P1)));

        assertThat(planned).extracting(Outgoing::notification).containsExactly("escalated-2");
        assertThat(planned.get(0).summary()).isEqualTo("Escalation level 2 (DevOps) paged (PagerDuty)");
        PagerDutyRequest request = PagerDutyRequest.parse(planned.get(0).payload());
        assertThat(request.level()).isEqualTo(2);
        assertThat(request.event().get("dedup_key").asText()).isEqualTo(toDevOps.incidentId() + "-level-2");
        assertThat(request.event().at("/payload/summary").asText()).isEqualTo("[P1] INCIDENT-123 escalated to "
                + "level 2 (DevOps): payments/checkout in production: rollback not completed within 15 minutes");
        assertThat(planner.plan(notice(escalated(opened.target(), 3), context(opened.target(), Severity.P1))))
                .as("level 3 has no routing key").isEmpty();
    }

    @Test
    void theOtherKindsOfNoticeSayNothingToPagerDuty() {
        PagerDutyPlanner planner = new PagerDutyPlanner(DEFAULTS);
        List<String> handled = List.of("incident-opened", "approval-needed", "rollback-started", "rollback-succeeded",
                "escalated");
        int others = 0;
        for (Class<? extends IncidentEvent> type : incidentEventTypes()) {
            IncidentEvent event = EventFixtures.event(type);
            Optional<Notice.Kind> kind = Notice.kindOf(event);
            if (kind.isEmpty() || handled.contains(kind.get().slug())) {
                continue;
            }
            others++;
            assertThat(planner.plan(notice(event, context(event.target(), Severity.P0)))).as(type.getSimpleName())
                    .isEmpty();
        }
        assertThat(others).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aResolutionResolvesEachAlertTheIncidentRaisedOnce() {
        UUID incident = opened.incidentId();
        Map<String, String> references = new LinkedHashMap<>();
        references.put("trigger", incident.toString());
        references.put("approval-trigger", incident.toString());
        references.put("escalated-2", incident + "-level-2");

        assertThat(PagerDutyPlanner.raised(new SentBefore(references))).containsExactly(
                new PagerDutyPlanner.Raised(null, incident.toString()),
                new PagerDutyPlanner.Raised(2, incident + "-level-2"));
        assertThat(PagerDutyPlanner.raised(SentBefore.nothing())).isEmpty();
    }

    private static List<Class<? extends IncidentEvent>> incidentEventTypes() {
        List<Class<? extends IncidentEvent>> types = new ArrayList<>();
        for (Class<?> type : IncidentEvent.class.getPermittedSubclasses()) {
            types.add(type.asSubclass(IncidentEvent.class));
        }
        return types;
    }

    static Notice notice(IncidentEvent event, IncidentContext incident) {
        return new Notice(UUID.randomUUID(), Topics.INCIDENT_EVENTS.typeOf(event), event, incident);
    }

    static IncidentContext context(TargetKey target, Severity severity) {
        return new IncidentContext(target, 123L, severity, "High error rate (12% 5xx errors)", null, null, null);
    }

    private IncidentOpened opened(TargetKey target, Severity severity) {
        return new IncidentOpened(opened.incidentId(), opened.incidentNumber(), target, severity, opened.signal(),
                opened.reason(), opened.version(), opened.occurredAt());
    }

    private static IncidentEscalated escalated(TargetKey target, int level) {
        IncidentEscalated f = EventFixtures.event(IncidentEscalated.class);
        return new IncidentEscalated(f.incidentId(), target, level, f.reason(), f.occurredAt());
    }

    private static RollbackStarted started(TargetKey target) {
        RollbackStarted f = EventFixtures.event(RollbackStarted.class);
        return new RollbackStarted(f.incidentId(), target, f.executionId(), f.method(), f.fromRevision(),
                f.toRevision(), f.fromVersion(), f.toVersion(), f.occurredAt());
    }

    private static JsonNode eventOf(Outgoing outgoing) {
        return PagerDutyRequest.parse(outgoing.payload()).event();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
