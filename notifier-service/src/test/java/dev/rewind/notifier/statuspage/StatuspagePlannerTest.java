package dev.rewind.notifier.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.domain.IncidentContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StatuspagePlannerTest {

    private static final StatuspageRules RULES = new StatuspageRules(Set.of("production"),
            Set.of(Severity.P0, Severity.P1), Map.of("payments/checkout", "cmp0"), true);

    private final StatuspagePlanner planner = new StatuspagePlanner(RULES);
    private final IncidentOpened opened = EventFixtures.event(IncidentOpened.class);

    @Test
    void aProductionP1OpensAStatusPageIncidentWithTheComponentDegraded() {
        List<Outgoing> planned = planner.plan(notice(opened, context(opened.target(), Severity.P1)));

        assertThat(planned).extracting(Outgoing::notification).containsExactly("incident-opened");
        assertThat(planned.get(0).summary()).isEqualTo("Status page incident opened (Statuspage)");
        StatuspageRequest request = StatuspageRequest.parse(planned.get(0).payload());
        assertThat(request.opens()).isTrue();
        assertThat(fieldNames(request.body())).containsExactly("incident");
        JsonNode incident = request.body().get("incident");
        assertThat(fieldNames(incident)).containsOnly("name", "status", "impact_override", "body", "component_ids",
                "components", "deliver_notifications");
        assertThat(incident.get("name").asText()).isEqualTo("Elevated error rates");
        assertThat(incident.get("status").asText()).isEqualTo("investigating");
        assertThat(incident.get("impact_override").asText()).isEqualTo("major");
        assertThat(incident.get("body").asText()).isEqualTo(StatuspagePlanner.INVESTIGATING_BODY)
                .doesNotContain("error");
        assertThat(incident.at("/component_ids/0").asText()).isEqualTo("cmp0");
        assertThat(incident.at("/components/cmp0").asText()).isEqualTo("partial_outage");
        assertThat(incident.get("deliver_notifications").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"P0,critical,major_outage", "P1,major,partial_outage", "P2,minor,degraded_performance",
            "P3,none,degraded_performance"})
    void impactAndComponentStateFollowTheSeverity(Severity severity, String impact, String componentState) {
        StatuspagePlanner everySeverity = new StatuspagePlanner(new StatuspageRules(Set.of("production"),
                Set.of(Severity.values()), RULES.components(), true));
        IncidentOpened event = opened(opened.target(), severity, Signal.ERROR_RATE);

        JsonNode incident = bodyOf(everySeverity.plan(notice(event, context(event.target(), severity))).get(0));

        assertThat(incident.get("impact_override").asText()).isEqualTo(impact);
        assertThat(incident.at("/components/cmp0").asText()).isEqualTo(componentState);
    }

    @Test
    void onlyTheConfiguredEnvironmentsAndSeveritiesReachTheStatusPage() {
        TargetKey staging = new TargetKey("staging", "payments", "checkout");
        IncidentOpened stagingP0 = opened(staging, Severity.P0, Signal.ERROR_RATE);
        IncidentOpened productionP2 = opened(opened.target(), Severity.P2, Signal.ERROR_RATE);
        RollbackStarted stagingStarted = started(staging);

        assertThat(planner.plan(notice(stagingP0, context(staging, Severity.P0)))).isEmpty();
        assertThat(planner.plan(notice(productionP2, context(opened.target(), Severity.P2)))).isEmpty();
        assertThat(planner.plan(notice(stagingStarted, context(staging, Severity.P0)))).isEmpty();
        assertThat(planner.plan(notice(started(opened.target()), context(opened.target(), Severity.P2))))
                .as("no update for an incident that was never opened").isEmpty();
        assertThat(planner.plan(notice(started(opened.target()), context(opened.target(), null)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Signal.class)
    void customersReadNeitherVersionsNorReasonsNorInternalNames(Signal signal) {
        IncidentOpened event = opened(opened.target(), Severity.P0, signal);
        IncidentContext known = new IncidentContext(event.target(), 123L, Severity.P0, event.reason(), "john.doe",
                "v1.3.0", "v1.2.5");
        List<String> said = new ArrayList<>();
        said.add(planner.plan(notice(event, known)).get(0).payload());
        for (IncidentEvent later : List.of(started(event.target()), EventFixtures.event(RollbackSucceeded.class),
                EventFixtures.event(RollbackFailed.class), EventFixtures.event(RollbackUnverified.class))) {
            said.add(planner.plan(notice(later, known)).get(0).payload());
        }

        assertThat(said).allSatisfy(payload -> assertThat(payload).doesNotContain("v1.3.0", "v1.2.5", "INCIDENT",
                "12%", "5xx", "payments", "checkout", "production", "john.doe", "ImagePull", "healthz",
                "vulnerab", "migration"));
    }

    @Test
    void aRollbackStartedMarksTheIncidentIdentified() {
        List<Outgoing> planned = planner.plan(notice(started(opened.target()), context(opened.target(), Severity.P1)));

        assertThat(planned).extracting(Outgoing::notification).containsExactly("rollback-started");
        assertThat(StatuspageRequest.parse(planned.get(0).payload()).opens()).isFalse();
        JsonNode incident = bodyOf(planned.get(0));
        assertThat(fieldNames(incident)).containsOnly("status", "body", "deliver_notifications");
        assertThat(incident.get("status").asText()).isEqualTo("identified");
        assertThat(incident.get("body").asText()).isEqualTo(StatuspagePlanner.ROLLING_BACK);
    }

    @Test
    void aVerifiedRollbackResolvesTheIncidentAndRestoresTheComponent() {
        RollbackSucceeded succeeded = EventFixtures.event(RollbackSucceeded.class);

        List<Outgoing> planned = planner.plan(notice(succeeded, context(succeeded.target(), Severity.P0)));

        assertThat(planned).extracting(Outgoing::notification).containsExactly("rollback-succeeded");
        assertThat(planned.get(0).summary()).isEqualTo("Status page incident resolved (Statuspage)");
        JsonNode incident = bodyOf(planned.get(0));
        assertThat(incident.get("status").asText()).isEqualTo("resolved");
        assertThat(incident.get("body").asText()).isEqualTo(StatuspagePlanner.RECOVERED);
        assertThat(incident.at("/component_ids/0").asText()).isEqualTo("cmp0");
        assertThat(incident.at("/components/cmp0").asText()).isEqualTo("operational");
    }

    @Test
    void aFailedOrUnverifiedRollbackSaysEngineersAreStillOnIt() {
        for (IncidentEvent event : List.of(EventFixtures.event(RollbackFailed.class),
                EventFixtures.event(RollbackUnverified.class))) {
            List<Outgoing> planned = planner.plan(notice(event, context(event.target(), Severity.P1)));

            assertThat(planned).hasSize(1);
            assertThat(planned.get(0).notification()).isIn("rollback-failed", "rollback-unverified");
            JsonNode incident = bodyOf(planned.get(0));
            assertThat(incident.get("status").asText()).isEqualTo("identified");
            assertThat(incident.get("body").asText()).isEqualTo(StatuspagePlanner.STILL_WORKING);
            assertThat(incident.has("components")).as("the component stays as it was").isFalse();
        }
    }

    @Test
    void aTargetWithoutAComponentOpensAnIncidentWithoutComponents() {
        StatuspagePlanner noComponents = new StatuspagePlanner(new StatuspageRules(Set.of("production"),
                Set.of(Severity.P1), Map.of(), false));

        JsonNode incident = bodyOf(noComponents.plan(notice(opened, context(opened.target(), Severity.P1))).get(0));

        assertThat(incident.get("component_ids")).isEmpty();
        assertThat(incident.get("components")).isEmpty();
        assertThat(incident.get("deliver_notifications").asBoolean()).isFalse();
    }

    @Test
    void theOtherKindsOfNoticeLeaveTheStatusPageAlone() {
        List<String> handled = List.of("incident-opened", "rollback-started", "rollback-succeeded",
                "rollback-failed", "rollback-unverified");
        int others = 0;
        for (Class<?> type : IncidentEvent.class.getPermittedSubclasses()) {
            IncidentEvent event = (IncidentEvent) EventFixtures.event(type.asSubclass(IncidentEvent.class));
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

    private static Notice notice(IncidentEvent event, IncidentContext incident) {
        return new Notice(UUID.randomUUID(), Topics.INCIDENT_EVENTS.typeOf(event), event, incident);
    }

    private static IncidentContext context(TargetKey target, Severity severity) {
        return new IncidentContext(target, 123L, severity, "High error rate (12% 5xx errors)", null, null, null);
    }

    private IncidentOpened opened(TargetKey target, Severity severity, Signal signal) {
        return new IncidentOpened(opened.incidentId(), opened.incidentNumber(), target, severity, signal,
                opened.reason(), opened.version(), opened.occurredAt());
    }

    private static RollbackStarted started(TargetKey target) {
        RollbackStarted f = EventFixtures.event(RollbackStarted.class);
        return new RollbackStarted(f.incidentId(), target, f.executionId(), f.method(), f.fromRevision(),
                f.toRevision(), f.fromVersion(), f.toVersion(), f.occurredAt());
    }

    private static JsonNode bodyOf(Outgoing outgoing) {
        return StatuspageRequest.parse(outgoing.payload()).body().get("incident");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
