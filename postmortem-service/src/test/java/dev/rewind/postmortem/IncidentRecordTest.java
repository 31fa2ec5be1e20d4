package dev.rewind.postmortem;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.IncidentScoped;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.ServiceContract;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import dev.rewind.postmortem.domain.FixtureStory;
import dev.rewind.postmortem.domain.IncidentStatus;
import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The incident's record, built from the shared fixtures' story delivered shuffled and twice over, as teams read it. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class IncidentRecordTest extends ServiceContract {

    @Test
    void theStoryDeliveredOutOfOrderAndTwiceIsRecordedOnceInTheOrderItHappened() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        long number = 700_000_000L + new Random().nextInt(100_000_000);
        List<Sent> story = new ArrayList<>();
        for (String type : FixtureStory.RECOVERED) {
            story.add(new Sent(UUID.randomUUID(), readdressed(type, incident, target, number)));
        }
        List<Sent> deliveries = new ArrayList<>(story);
        deliveries.addAll(story.subList(0, 4)); // redelivered with the same ids
        Collections.shuffle(deliveries, new Random(7));

        deliveries.forEach(sent -> send(sent.id(), sent.event()));

        await().atMost(TestKafka.PATIENCE).until(() -> timeline(incident).size() == story.size());
        JsonPath record = given().auth().oauth2(TestTokens.token("rita.reader", "viewer"))
                .get("/api/v1/incidents/INCIDENT-{n}", number).then().statusCode(200).extract().jsonPath();
        assertThat(record.getString("id")).isEqualTo(incident.toString());
        assertThat(record.getString("status")).isEqualTo("ROLLED_BACK");
        assertThat(record.getString("environment")).isEqualTo("production");
        assertThat(record.getString("service")).isEqualTo(target.service());
        assertThat(record.getList("timeline.kind")).containsExactly("opened", "requested", "approval-requested",
                "approved", "started", "step", "notified", "succeeded", "verified", "alerts-resolved",
                "alert-resolved");
        assertThat(record.getDouble("evidence[0].observedValue")).isEqualTo(0.12);
        assertThat(record.getDouble("evidence[0].threshold")).isEqualTo(0.05);
        assertThat(record.getString("versions.judgedBad.images.checkout"))
                .isEqualTo("registry.example/payments/checkout:v1.3.0");
        assertThat(record.getString("approvals[0].by")).isEqualTo("john.doe");
        assertThat(record.getString("approvals[0].channel")).isEqualTo("slack");
        assertThat(record.getString("times.rollbackCompletedAt")).isEqualTo("2026-11-15T14:32:00Z");
        assertThat(record.getString("durations.toRollBack")).isEqualTo("PT6M28.6S");
        assertThat(record.getString("deadline.state")).isEqualTo("MET");
        assertThat(record.getString("notifications[0].summary")).isEqualTo("On-call engineer paged (PagerDuty)");
        IncidentRecord row = QuarkusTransaction.requiringNew().call(() -> IncidentRecord.findById(incident));
        assertThat(row.timeToRollbackMs).isEqualTo(388_600L);
        assertThat(row.rollbackCompletedAt).isEqualTo(Instant.parse("2026-11-15T14:32:00Z"));
        assertThat(row.deadlineAt).isEqualTo(Instant.parse("2026-11-15T14:40:31.400Z"));
    }

    @Test
    void anIncidentRecordedBeforeEventsWereKeptKeepsItsStatusAndStillHasAPostMortem() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        long number = 800_000_000L + new Random().nextInt(100_000_000);
        Instant opened = Instant.parse("2026-11-01T10:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            IncidentRecord row = new IncidentRecord();
            row.id = incident;
            row.number = number;
            row.target = target.toString();
            row.environment = target.environment();
            row.namespace = target.namespace();
            row.service = target.service();
            row.severity = Severity.P1;
            row.reason = "High error rate (12% 5xx errors)";
            row.status = IncidentStatus.ROLLED_BACK;
            row.openedAt = opened;
            row.updatedAt = opened.plusSeconds(400);
            row.persist();
            legacyEntry(incident, "opened", opened);
            legacyEntry(incident, "succeeded", opened.plusSeconds(400));
        });

        kafka.send(Topics.INCIDENT_EVENTS, EventFixtures.about(NotificationDelivered.class, incident, target,
                Map.of("occurredAt", opened.plusSeconds(401))));

        await().atMost(TestKafka.PATIENCE).until(() -> timeline(incident).size() == 3);
        given().auth().oauth2(TestTokens.token("rita.reader", "viewer")).get("/api/v1/incidents/{id}", incident)
                .then().statusCode(200)
                .body("status", is("ROLLED_BACK"))
                .body("timeline.kind", contains("opened", "succeeded", "notified"));
        given().auth().oauth2(TestTokens.token("rita.reader", "viewer"))
                .get("/api/v1/incidents/INCIDENT-{n}/postmortem", number).then().statusCode(200)
                .body(containsString("**Severity**: P1"));
    }

    private static void legacyEntry(UUID incident, String kind, Instant at) {
        TimelineEntryRecord entry = new TimelineEntryRecord();
        entry.eventId = UUID.randomUUID();
        entry.incidentId = incident;
        entry.kind = kind;
        entry.eventType = "dev.rewind." + kind;
        entry.occurredAt = at;
        entry.summary = kind + ", as written before version 0.4";
        entry.persist();
    }

    private record Sent(UUID id, IncidentScoped event) {
    }

    private void send(UUID id, IncidentScoped event) {
        if (event instanceof RollbackRequested request) {
            kafka.send(Topics.ROLLBACK_REQUESTS, id, request);
        } else {
            kafka.send(Topics.INCIDENT_EVENTS, id, (IncidentEvent) event);
        }
    }

    private static IncidentScoped readdressed(String type, UUID incident, TargetKey target, long number) {
        Class<? extends IncidentScoped> eventClass = Topics.ROLLBACK_REQUESTS.types().contains(type)
                ? Topics.ROLLBACK_REQUESTS.classOf(type) : Topics.INCIDENT_EVENTS.classOf(type);
        Map<String, Object> changes = eventClass == IncidentOpened.class || eventClass == RollbackRequested.class
                ? Map.of("incidentNumber", number) : Map.of();
        return EventFixtures.about(eventClass, incident, target, changes);
    }

    private static List<TimelineEntryRecord> timeline(UUID incident) {
        return QuarkusTransaction.requiringNew().call(() -> TimelineEntryRecord.of(incident));
    }

    @Override
    protected Topic<?> inputTopic() {
        return Topics.ROLLBACK_REQUESTS;
    }

    @Override
    protected RewindEvent validEvent(TargetKey target) {
        return EventFixtures.about(RollbackRequested.class, UUID.randomUUID(), target, Map.of());
    }

    @Override
    protected void awaitEffect(TargetKey target) {
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> IncidentRecord.count("target", target.toString())) == 1);
    }
}
