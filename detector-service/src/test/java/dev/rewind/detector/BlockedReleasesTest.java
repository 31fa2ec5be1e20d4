package dev.rewind.detector;

import static dev.rewind.detector.Detections.alert;
import static dev.rewind.detector.Detections.awaitClosed;
import static dev.rewind.detector.Detections.deploy;
import static dev.rewind.detector.Detections.request;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Release;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A release Rewind rolled a target back from is never named as the release to return to. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class BlockedReleasesTest extends KafkaClientTest {

    /** Long enough ago that the cooldown after it has passed. */
    private static final Duration LONG_AGO = Duration.ofHours(3);

    @Test
    void passesOverABlockedReleaseAndNamesTheRevisionToReturnTo() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2", "v3");
        kafka.send(Topics.ALERTS, alert(target, "fp-v2", Signal.ERROR_RATE, 0.12));
        RollbackRequested earlier = request(kafka, target, 1);
        rolledBackFrom(earlier, release(target, 2, "v2"));

        kafka.send(Topics.ALERTS, alert(target, "fp-v3", Signal.ERROR_RATE, 0.12));

        RollbackRequested next = request(kafka, target, 2);
        assertThat(next.rollbackTo().images()).isEqualTo(release(target, 1, "v1").images());
        assertThat(next.toRevision()).isEqualTo(1);
        assertThat(earlier.toRevision()).as("kubectl's previous, before anything was blocked").isNull();
    }

    @Test
    void declinesWhenEveryEarlierReleaseIsBlocked() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2");
        kafka.send(Topics.ALERTS, alert(target, "fp-first", Signal.ERROR_RATE, 0.12));
        rolledBackFrom(request(kafka, target, 1), release(target, 1, "v1"));

        kafka.send(Topics.ALERTS, alert(target, "fp-second", Signal.ERROR_RATE, 0.12));

        RollbackDeclined declined = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, RollbackDeclined.class)).value(), RollbackDeclined.class);
        assertThat(declined.code()).isEqualTo(DeclineReason.BLOCKED_VERSION);
        assertThat(declined.reason()).contains("every earlier revision of deployment " + target.namespace() + "/"
                + target.service() + " runs a release Rewind rolled it back from").contains(":v1");
    }

    private void rolledBackFrom(RollbackRequested request, Release judged) {
        RollbackSucceeded fixture = EventFixtures.event(RollbackSucceeded.class);
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackSucceeded(request.incidentId(), request.target(),
                fixture.executionId(), fixture.method(), "new", "old", fixture.message(), judged,
                Instant.now().minus(LONG_AGO)));
        awaitClosed(request.incidentId());
    }

    private static Release release(TargetKey target, long revision, String version) {
        return new Release(revision, Map.of(target.service(), Detections.IMAGE + ":" + version));
    }
}
