package dev.rewind.detector;

import static dev.rewind.detector.Detections.alert;
import static dev.rewind.detector.Detections.deployTwoReleases;
import static dev.rewind.detector.Detections.request;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventJson;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.events.incident.AlertResolvedOnIncident;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each resolved alert of an incident goes on the incident's timeline, once, before the all-resolved announcement. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class ResolvedAlertTimelineTest extends KafkaClientTest {

    private static final Instant ERRORS_ENDED = Instant.parse("2026-11-15T14:35:00Z");
    private static final Instant LATENCY_ENDED = Instant.parse("2026-11-15T14:36:00Z");

    @Test
    void eachResolvedAlertIsRecordedOnItsIncidentOnceWhateverTheResends() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        AlertFired errors = alert(target, "fp-errors", Signal.ERROR_RATE, 0.12);
        AlertFired latency = alert(target, "fp-latency", Signal.LATENCY, 3.0);
        kafka.send(Topics.ALERTS, errors);
        RollbackRequested request = request(kafka, target, 1);
        kafka.send(Topics.ALERTS, latency);

        kafka.send(Topics.ALERTS, resolved(errors, ERRORS_ENDED));
        kafka.send(Topics.ALERTS, resolved(errors, ERRORS_ENDED)); // Alertmanager re-sends resolved alerts too
        kafka.send(Topics.ALERTS, resolved(latency, LATENCY_ENDED));

        // The all-resolved announcement follows both resolutions and the re-send on the target's partition.
        List<AlertResolvedOnIncident> onTimeline = kafka.recordsUntil(Topics.INCIDENT_EVENTS.name(),
                        about(target, AlertResolvedOnIncident.class), about(target, IncidentAlertsResolved.class))
                .stream().map(r -> EventJson.read(r.value(), AlertResolvedOnIncident.class)).toList();
        assertThat(onTimeline).extracting(AlertResolvedOnIncident::fingerprint)
                .containsExactly("fp-errors", "fp-latency");
        AlertResolvedOnIncident first = onTimeline.get(0);
        assertThat(first.incidentId()).isEqualTo(request.incidentId());
        assertThat(first.source()).isEqualTo(errors.source());
        assertThat(first.signal()).isEqualTo(Signal.ERROR_RATE);
        assertThat(first.startsAt()).isEqualTo(errors.startsAt());
        assertThat(first.resolvedAt()).isEqualTo(ERRORS_ENDED);
        assertThat(onTimeline.get(1).resolvedAt()).isEqualTo(LATENCY_ENDED);
    }

    @Test
    void aResolvedAlertOfNoIncidentIsNotOnAnyTimeline() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        AlertFired quiet = alert(target, "fp-never-fired-here", Signal.ERROR_RATE, 0.01);
        kafka.send(Topics.ALERTS, resolved(quiet, ERRORS_ENDED));
        // A marker after it: the incident the next alert opens is announced after anything the resolution caused.
        kafka.send(Topics.ALERTS, alert(target, "fp-marker", Signal.ERROR_RATE, 0.12));

        assertThat(kafka.recordsUntil(Topics.INCIDENT_EVENTS.name(), about(target, AlertResolvedOnIncident.class),
                about(target, IncidentOpened.class))).isEmpty();
    }

    private static AlertResolved resolved(AlertFired fired, Instant endsAt) {
        return new AlertResolved(UUID.randomUUID(), fired.source(), fired.fingerprint(), fired.target(),
                fired.signal(), fired.startsAt(), endsAt, Instant.now());
    }
}
