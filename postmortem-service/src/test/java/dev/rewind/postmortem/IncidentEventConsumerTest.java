package dev.rewind.postmortem;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.AlertResolvedOnIncident;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.GuardOverridden;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.ServiceContract;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class IncidentEventConsumerTest extends ServiceContract {

    @Test
    void incidentAndItsTimelineAreRecordedInOrderAndServed() {
        TargetKey target = uniqueTarget("development");
        UUID incident = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, t0));
        kafka.send(Topics.INCIDENT_EVENTS, new ApprovalGranted(incident, target, UUID.randomUUID(), "policy", true,
                null, List.of(), t0.plusSeconds(1)));
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackStarted(incident, target, UUID.randomUUID(),
                RollbackMethod.KUBECTL, 2L, 1L, "v1.3.0", "v1.2.5", t0.plusSeconds(2)));
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackSucceeded(incident, target, UUID.randomUUID(),
                RollbackMethod.KUBECTL, "v1.3.0", "v1.2.5", "deployment \"checkout\" successfully rolled out",
                t0.plusSeconds(9)));

        await().atMost(TestKafka.PATIENCE).until(() -> timeline(incident).size() == 4);
        JsonPath detail = reader().get("/api/v1/incidents/{id}", incident).then()
                .statusCode(200).extract().jsonPath();
        assertThat(detail.getString("status")).isEqualTo("ROLLED_BACK");
        assertThat(detail.getString("target")).isEqualTo(target.toString());
        assertThat(detail.getLong("number")).isEqualTo(123L);
        assertThat(detail.getString("severity")).isEqualTo("P1");
        assertThat(detail.getList("timeline.kind")).containsExactly("opened", "approved", "started", "succeeded");
        assertThat(detail.getList("timeline.occurredAt")).containsExactly(t0.toString(),
                t0.plusSeconds(1).toString(), t0.plusSeconds(2).toString(), t0.plusSeconds(9).toString());
        assertThat(detail.getString("timeline[2].summary")).isEqualTo("Rollback started (KUBECTL): v1.3.0 -> v1.2.5");
        assertThat(detail.getString("timeline[0].source")).isEqualTo("/rewind/tests");
    }

    @Test
    void anIncidentWhoseRequestExpiredIsShownExpiredWithTheOverrideInItsTimeline() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, t0));
        kafka.send(Topics.INCIDENT_EVENTS, new GuardOverridden(incident, target, request, "jane.oncall",
                DeclineReason.COOLDOWN, "the first rollback returned a release with the same bug", t0.plusSeconds(60)));
        kafka.send(Topics.INCIDENT_EVENTS, new ApprovalExpired(incident, target, request, t0, t0.plusSeconds(3600)));

        await().atMost(TestKafka.PATIENCE).until(() -> timeline(incident).size() == 3);
        JsonPath detail = reader().get("/api/v1/incidents/{id}", incident).then()
                .statusCode(200).extract().jsonPath();
        assertThat(detail.getString("status")).as("the override is a timeline line, not a status").isEqualTo("EXPIRED");
        assertThat(detail.getList("timeline.kind")).containsExactly("opened", "guard-overridden", "approval-expired");
    }

    @Test
    void eachResolvedAlertAndAFlaggedApprovalAreTimelineLines() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant resolvedAt = t0.plusSeconds(300);

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, t0));
        kafka.send(Topics.INCIDENT_EVENTS, new AlertResolvedOnIncident(incident, target, "datadog", "fp-latency",
                Signal.LATENCY, t0, resolvedAt, resolvedAt.plusSeconds(1)));
        kafka.send(Topics.INCIDENT_EVENTS, new IncidentAlertsResolved(incident, target, List.of("fp-latency"),
                resolvedAt.plusSeconds(1)));
        kafka.send(Topics.INCIDENT_EVENTS, new ApprovalAlertsResolved(incident, target, request, true, resolvedAt,
                "every alert of this incident resolved at " + resolvedAt + "; the fault may have cleared: consider "
                        + "rejecting", resolvedAt.plusSeconds(2)));

        await().atMost(TestKafka.PATIENCE).until(() -> timeline(incident).size() == 4);
        JsonPath detail = reader().get("/api/v1/incidents/{id}", incident).then()
                .statusCode(200).extract().jsonPath();
        assertThat(detail.getList("timeline.kind"))
                .containsExactly("opened", "alert-resolved", "alerts-resolved", "approval-flagged");
        assertThat(detail.getString("timeline[1].summary")).isEqualTo("Alert fp-latency (LATENCY) from datadog "
                + "resolved at " + resolvedAt + ", firing since " + t0);
        assertThat(detail.getString("timeline[3].summary")).isEqualTo("Request " + request + " still held by a "
                + "guard: every alert of this incident resolved at " + resolvedAt + "; the fault may have cleared: "
                + "consider rejecting");
        assertThat(detail.getString("status")).as("evidence, not a status").isEqualTo("OPEN");
    }

    @Test
    void incidentsAreListedNewestFirst() {
        TargetKey older = uniqueTarget("development");
        TargetKey newer = uniqueTarget("development");
        UUID olderId = UUID.randomUUID();
        UUID newerId = UUID.randomUUID();
        Instant far = Instant.parse("2099-01-01T00:00:00Z");

        kafka.send(Topics.INCIDENT_EVENTS, opened(olderId, older, far));
        kafka.send(Topics.INCIDENT_EVENTS, opened(newerId, newer, far.plusSeconds(60)));
        await().atMost(TestKafka.PATIENCE).until(() -> timeline(olderId).size() == 1 && timeline(newerId).size() == 1);

        List<String> ids = reader().get("/api/v1/incidents?limit=2").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(ids).containsExactly(newerId.toString(), olderId.toString());
    }

    @Test
    void redeliveredEventIsRecordedOnce() {
        TargetKey target = uniqueTarget("development");
        UUID incident = UUID.randomUUID();
        Instant t0 = Instant.now();
        IncidentOpened opened = opened(incident, target, t0);
        ApprovalGranted next = new ApprovalGranted(incident, target, UUID.randomUUID(), "policy", true, null,
                List.of(), t0.plusSeconds(1));

        UUID id = kafka.send(Topics.INCIDENT_EVENTS, opened);
        kafka.send(Topics.INCIDENT_EVENTS, id, opened);
        kafka.send(Topics.INCIDENT_EVENTS, next);

        await().atMost(TestKafka.PATIENCE).until(() -> timeline(incident).size() == 2);
        assertThat(timeline(incident)).extracting(e -> e.kind).containsExactly("opened", "approved");
    }

    @Test
    void malformedIdIsABadRequestNamingTheParameter() {
        reader().get("/api/v1/incidents/not-a-uuid").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("detail", containsString("'id' must be an incident UUID or number"));
    }

    @Test
    void unknownIncidentIsNotFound() {
        reader().get("/api/v1/incidents/{id}", UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404));
    }

    @Test
    void outOfRangeLimitIsABadRequestNamingTheField() {
        reader().get("/api/v1/incidents?limit=0").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", containsString("limit"));
    }

    @Test
    void readingWithoutATokenIsUnauthorizedAndWithoutAReadRoleForbidden() {
        given().get("/api/v1/incidents").then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("mallory", "intern")).get("/api/v1/incidents").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("none of the Rewind roles"));
    }

    @Test
    void anIncidentIsFoundByItsNumberToo() {
        TargetKey target = uniqueTarget("development");
        UUID incident = UUID.randomUUID();
        long number = 900_000_000L + Math.abs(incident.getLeastSignificantBits() % 100_000_000L);
        kafka.send(Topics.INCIDENT_EVENTS, new IncidentOpened(incident, number, target, Severity.P2,
                Signal.LATENCY, "p99 latency 3x baseline", "v2.0.0", Instant.now()));
        await().atMost(TestKafka.PATIENCE).until(() -> timeline(incident).size() == 1);

        reader().get("/api/v1/incidents/INCIDENT-{n}", number).then().statusCode(200)
                .body("id", is(incident.toString()));
        reader().get("/api/v1/incidents/{n}", number).then().statusCode(200)
                .body("versions.runningAtOpen", is("v2.0.0"));
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.token("rita.reader", "viewer"));
    }

    @Override
    protected Topic<?> inputTopic() {
        return Topics.INCIDENT_EVENTS;
    }

    @Override
    protected RewindEvent validEvent(TargetKey target) {
        return opened(UUID.randomUUID(), target, Instant.now());
    }

    @Override
    protected void awaitEffect(TargetKey target) {
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> IncidentRecord.count("target", target.toString())) == 1);
    }

    private static IncidentOpened opened(UUID incident, TargetKey target, Instant at) {
        IncidentOpened f = EventFixtures.event(IncidentOpened.class);
        return new IncidentOpened(incident, f.incidentNumber(), target, Severity.P1, Signal.ERROR_RATE, f.reason(),
                f.version(), at);
    }

    private static List<TimelineEntryRecord> timeline(UUID incident) {
        return QuarkusTransaction.requiringNew().call(() -> TimelineEntryRecord.of(incident));
    }
}
