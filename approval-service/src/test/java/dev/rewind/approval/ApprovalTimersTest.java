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

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.approval.service.ApprovalTimers;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deadlines and expiry, driven by telling the timers what time it is: no test waits for a clock. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class ApprovalTimersTest extends KafkaClientTest {

    private static final String SERVICE = "approval-service";

    @Inject
    ApprovalTimers timers;

    @Test
    void aMissedDeadlineEscalatesOnceAndNeverApproves() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P1, null);
        ApprovalRequestRecord taken = stored(request.requestId());

        timers.runAt(taken.deadline.minusSeconds(1));
        assertThat(escalations(target)).as("not before the deadline").isZero();
        timers.runAt(taken.deadline.plusSeconds(1));
        timers.runAt(taken.deadline.plus(Duration.ofMinutes(5)));

        IncidentEscalated escalated = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, IncidentEscalated.class)),
                Topics.INCIDENT_EVENTS, IncidentEscalated.class, SERVICE);
        assertThat(escalated.level()).isEqualTo(2);
        assertThat(escalated.reason()).contains("P1").contains("oncall|team-lead");
        assertThat(escalations(target)).as("once").isEqualTo(1);
        assertThat(stored(request.requestId()).state).as("a timer never approves").isEqualTo(ApprovalState.PENDING);
        assertThat(Requests.commandsFor(target)).isZero();
    }

    @Test
    void anUndecidedRequestExpiresAndTakesNoVoteAfterwards() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P0, null);
        ApprovalRequestRecord taken = stored(request.requestId());

        timers.runAt(taken.expiresAt.minusSeconds(1));
        assertThat(stored(request.requestId()).state).isEqualTo(ApprovalState.PENDING);
        timers.runAt(taken.expiresAt);

        ApprovalExpired expired = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalExpired.class)),
                Topics.INCIDENT_EVENTS, ApprovalExpired.class, SERVICE);
        assertThat(expired.requestId()).isEqualTo(request.requestId());
        assertThat(stored(request.requestId()).state).isEqualTo(ApprovalState.EXPIRED);
        given().auth().oauth2(token("alice", "oncall")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/approvals/" + request.requestId() + "/approve").then().statusCode(409);
        assertThat(Requests.commandsFor(target)).isZero();
    }

    @Test
    void aHeldRequestEscalatesAtItsDeadlineAndExpiresSoItsTargetIsNotMutedForever() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P1, cooldownHold());
        ApprovalRequestRecord taken = stored(request.requestId());

        timers.runAt(taken.deadline.plusSeconds(1));
        IncidentEscalated escalated = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, IncidentEscalated.class)),
                Topics.INCIDENT_EVENTS, IncidentEscalated.class, SERVICE);
        assertThat(escalated.reason()).as("people are paged to decide on the hold")
                .contains("COOLDOWN guard holds it").contains("/override");
        timers.runAt(taken.expiresAt.plusSeconds(1));

        assertThat(stored(request.requestId()).state).isEqualTo(ApprovalState.EXPIRED);
        kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalExpired.class));
    }

    private static long escalations(TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("recordKey = ?1 and eventType = ?2",
                target.toString(), "dev.rewind.incident.escalated.v1"));
    }
}
