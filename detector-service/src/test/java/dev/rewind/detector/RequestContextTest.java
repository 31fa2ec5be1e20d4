package dev.rewind.detector;

import static dev.rewind.detector.Detections.IMAGE;
import static dev.rewind.detector.Detections.alert;
import static dev.rewind.detector.Detections.deploy;
import static dev.rewind.detector.Detections.deployTwoReleases;
import static dev.rewind.detector.Detections.request;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.Release;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a rollback request tells approvers about the deploy, read from the cluster and never from the alert. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class RequestContextTest extends KafkaClientTest {

    @Test
    void namesWhoDeployedTheReleaseFromTheDeploymentsAnnotationNotFromTheAlert() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getMetadata().getAnnotations().put("rewind.dev/deployed-by", "jane.dev");
                    return d;
                });

        kafka.send(Topics.ALERTS, alert(target, "fp-author", Signal.ERROR_RATE, 0.12, claiming("mallory")));

        RollbackRequested request = request(kafka, target, 1);
        assertThat(request.deployedBy()).isEqualTo("jane.dev");
        assertThat(request.release()).isEqualTo(new Release(2, Map.of(target.service(), IMAGE + ":v1.3.0")));
    }

    @Test
    void namesNobodyAndNoReleaseToReturnToWhenTheClusterDoesNotTell() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1.3.0");

        kafka.send(Topics.ALERTS, alert(target, "fp-first-release", Signal.HEALTH_CHECK_FAILING, null,
                claiming("mallory")));

        RollbackRequested request = request(kafka, target, 1);
        assertThat(request.deployedBy()).as("alert labels are not evidence of who deployed").isNull();
        assertThat(request.rollbackTo()).as("a first release has no earlier revision").isNull();
        assertThat(request.release()).isEqualTo(new Release(1, Map.of(target.service(), IMAGE + ":v1.3.0")));
        assertThat(request.evidence()).singleElement()
                .satisfies(evidence -> assertThat(evidence.threshold()).as("no threshold for health checks").isNull());
    }

    /** The fixture's alert labels, plus labels claiming {@code who} deployed (anyone can send an alert). */
    private static Map<String, String> claiming(String who) {
        Map<String, String> labels = new HashMap<>(EventFixtures.event(AlertFired.class).labels());
        labels.put("deployed_by", who);
        labels.put("rewind.dev/deployed-by", who);
        return labels;
    }
}
