package dev.rewind.approval;

import static dev.rewind.approval.Requests.cooldownHold;
import static dev.rewind.approval.Requests.stored;
import static dev.rewind.approval.Requests.taken;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static dev.rewind.platform.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.persistence.IncidentAlertsResolvedRecord;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokensResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request still awaiting people whose incident's alerts all resolved is flagged for them; they still decide. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class ResolvedIncidentsTest extends KafkaClientTest {

    private static final String SERVICE = "approval-service";

    @Test
    void aPendingRequestIsFlaggedShownAndAnnouncedOnceAndPeopleStillDecide() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P1, null);
        Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String note = "every alert of this incident resolved at " + resolvedAt
                + "; the fault may have cleared: consider rejecting";

        kafka.send(Topics.INCIDENT_EVENTS, resolved(request, resolvedAt));

        ApprovalAlertsResolved flagged = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalAlertsResolved.class)),
                Topics.INCIDENT_EVENTS, ApprovalAlertsResolved.class, SERVICE);
        assertThat(flagged.requestId()).isEqualTo(request.requestId());
        assertThat(flagged.incidentId()).isEqualTo(request.incidentId());
        assertThat(flagged.held()).isFalse();
        assertThat(flagged.alertsResolvedAt()).isEqualTo(resolvedAt);
        assertThat(flagged.note()).isEqualTo(note);
        assertThat(stored(request.requestId()).alertsResolvedAt).isEqualTo(resolvedAt);
        assertThat(stored(request.requestId()).state).as("people decide").isEqualTo(ApprovalState.PENDING);
        String alice = token("alice", "oncall");
        given().auth().oauth2(alice).get("/api/v1/approvals/" + request.requestId()).then().statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("alertsResolvedAt", equalTo(resolvedAt.toString()))
                .body("alertsResolved", equalTo(note));
        List<Map<String, Object>> listed = given().auth().oauth2(alice).queryParam("environment", "production")
                .get("/api/v1/approvals").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(listed).filteredOn(summary -> request.requestId().toString().equals(summary.get("id")))
                .singleElement().satisfies(summary -> assertThat(summary.get("alertsResolved")).isEqualTo(note));

        // The detector announces once, but a second announcement (another replica, a replay) must not flag twice.
        kafka.send(Topics.INCIDENT_EVENTS, resolved(request, resolvedAt.plusSeconds(30)));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("reason", "still failing for some"))
                .post("/api/v1/approvals/" + request.requestId() + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"));

        assertThat(kafka.recordsUntil(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalAlertsResolved.class),
                about(target, ApprovalGranted.class))).hasSize(1);
        given().auth().oauth2(alice).get("/api/v1/approvals/" + request.requestId()).then().statusCode(200)
                .body("alertsResolvedAt", equalTo(resolvedAt.toString()))
                .body("alertsResolved", nullValue());
    }

    @Test
    void aHeldRequestIsFlaggedAsHeldAndADecidedOneIsNot() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested decided = taken(kafka, target, Severity.P1, null);
        given().auth().oauth2(token("alice", "oncall")).contentType(ContentType.JSON)
                .body(Map.of("reason", "the dashboard shows a dependency outage"))
                .post("/api/v1/approvals/" + decided.requestId() + "/reject").then().statusCode(200);
        RollbackRequested held = taken(kafka, target, Severity.P1, cooldownHold());
        Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        kafka.send(Topics.INCIDENT_EVENTS, resolved(decided, resolvedAt));
        kafka.send(Topics.INCIDENT_EVENTS, resolved(held, resolvedAt));

        // Both announcements share the target's partition: the held request's flag comes after the decided one's.
        List<ApprovalAlertsResolved> flags = kafka.recordsUntil(Topics.INCIDENT_EVENTS.name(),
                        about(target, ApprovalAlertsResolved.class), record -> about(target, ApprovalAlertsResolved.class)
                                .test(record) && record.value().contains(held.requestId().toString()))
                .stream().map(record -> EventJson.read(record.value(), ApprovalAlertsResolved.class)).toList();
        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.requestId()).isEqualTo(held.requestId());
            assertThat(flag.held()).isTrue();
            assertThat(flag.note()).endsWith("consider rejecting rather than overriding the guard");
        });
        assertThat(stored(decided.requestId()).alertsResolvedAt).isNull();
        assertThat(stored(held.requestId()).state).isEqualTo(ApprovalState.HELD);
    }

    @Test
    void aRequestTakenInAfterItsIncidentsAlertsResolvedIsFlaggedAtOnce() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested late = Requests.request(target, Severity.P1, null);
        Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The topics are consumed independently: after downtime the announcement may be read before the request.
        kafka.send(Topics.INCIDENT_EVENTS, resolved(late, resolvedAt));
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> IncidentAlertsResolvedRecord.findById(late.incidentId())) != null);

        kafka.send(Topics.ROLLBACK_REQUESTS, late);

        ApprovalAlertsResolved flagged = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, ApprovalAlertsResolved.class)).value(), ApprovalAlertsResolved.class);
        assertThat(flagged.requestId()).isEqualTo(late.requestId());
        assertThat(flagged.alertsResolvedAt()).isEqualTo(resolvedAt);
        assertThat(stored(late.requestId()).alertsResolvedAt).isEqualTo(resolvedAt);
        assertThat(stored(late.requestId()).state).isEqualTo(ApprovalState.PENDING);
    }

    private static IncidentAlertsResolved resolved(RollbackRequested request, Instant at) {
        return new IncidentAlertsResolved(request.incidentId(), request.target(), List.of("fp-errors"), at);
    }
}
