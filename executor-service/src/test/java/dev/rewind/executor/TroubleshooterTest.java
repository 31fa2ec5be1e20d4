package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.deployment;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.troubleshoot.Diagnosis;
import dev.rewind.executor.troubleshoot.Finding;
import dev.rewind.executor.troubleshoot.Finding.Kind;
import dev.rewind.executor.troubleshoot.Troubleshooter;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.sandbox.SimulatedDeploymentController;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Restart and diagnosis of a stuck rollout, against the sandbox's API server. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class TroubleshooterTest {

    private static final Instant AT = Instant.parse("2025-11-15T14:27:03.250Z");

    @Inject
    Troubleshooter troubleshooter;

    @Test
    void restartsOnceAsKubectlRolloutRestartDoes() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1", "v2");
        long generation = deployment(target).getMetadata().getGeneration();

        String first = troubleshooter.restart(target, AT);
        String again = troubleshooter.restart(target, AT);

        assertThat(first).isEqualTo("2025-11-15T14:27:03Z").isEqualTo(again);
        Deployment restarted = deployment(target);
        assertThat(restarted.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("kubectl.kubernetes.io/restartedAt", "2025-11-15T14:27:03Z");
        assertThat(restarted.getMetadata().getGeneration()).as("one write of the pod template")
                .isEqualTo(generation + 1);
        await().untilAsserted(() -> assertThat(newestReplicaSet(target).getSpec().getTemplate().getMetadata()
                .getAnnotations()).as("the controller rolls the restarted template out as revision 3")
                .containsEntry("kubectl.kubernetes.io/restartedAt", "2025-11-15T14:27:03Z"));
        assertThat(DeploymentRevisions.revisionOf(newestReplicaSet(target))).hasValue(3);
    }

    @Test
    void refusesToRestartAPausedDeploymentInKubectlsWords() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1", "v2");
        edit(target, d -> d.getSpec().setPaused(true));

        assertThatThrownBy(() -> troubleshooter.restart(target, AT)).isInstanceOf(RollbackRefused.class)
                .hasMessage("can't restart paused deployment (run rollout resume first)");
        assertThat(deployment(target).getSpec().getTemplate().getMetadata().getAnnotations()).isNullOrEmpty();
    }

    @Test
    void diagnosesWhatThePodsEventsClaimsServicesAndIngressesSay() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1", "v2");
        String app = target.service();
        String node = "node-" + app;
        String claim = "data-" + app;
        ReplicaSet current = newestReplicaSet(target);
        client().nodes().resource(new NodeBuilder().withNewMetadata().withName(node).endMetadata().withNewStatus()
                .addNewCondition().withType("MemoryPressure").withStatus("True")
                .withMessage("kubelet has insufficient memory available").endCondition().endStatus().build())
                .create();
        String pullMessage = "Back-off pulling image \"" + Rollbacks.IMAGE + ":v2\"";
        createPod(target, current, app + "-a", node, null, new PodStatusBuilder().withPhase("Pending")
                .addToContainerStatuses(new ContainerStatusBuilder().withName(app).withReady(false)
                        .withNewState().withNewWaiting().withReason("ImagePullBackOff").withMessage(pullMessage)
                        .endWaiting().endState().build()).build());
        createPod(target, current, app + "-b", null, claim, new PodStatusBuilder().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient cpu.").endCondition().build());
        createPod(target, current, app + "-c", node, null, new PodStatusBuilder().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady")
                .endCondition()
                .addToContainerStatuses(new ContainerStatusBuilder().withName(app).withReady(false).withRestartCount(0)
                        .withNewState().withNewRunning().endRunning().endState().build()).build());
        Instant now = Instant.now();
        warning(target, "Pod", app + "-a", "Failed", "Error: ErrImagePull", 2, now);
        warning(target, "Pod", app + "-c", "Failed", "Error: ErrImagePull", 3, now);
        warning(target, "Pod", "someone-elses-pod", "Failed", "not about this rollout", 1, now);
        client().persistentVolumeClaims().inNamespace(target.namespace()).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(claim).endMetadata().withNewSpec().withStorageClassName("fast").endSpec()
                .build()).create();
        client().persistentVolumeClaims().inNamespace(target.namespace()).withName(claim)
                .editStatus(c -> {
                    c.setStatus(new PersistentVolumeClaimStatusBuilder()
                            .withPhase("Pending").build());
                    return c;
                });
        client().services().inNamespace(target.namespace()).resource(new ServiceBuilder().withNewMetadata()
                .withName(app).endMetadata().withNewSpec().addToSelector("app", app).addNewPort().withPort(80)
                .endPort().endSpec().build()).create();
        client().endpoints().inNamespace(target.namespace()).resource(new EndpointsBuilder().withNewMetadata()
                .withName(app).endMetadata().addNewSubset().addNewNotReadyAddress().withIp("10.0.0.3")
                .endNotReadyAddress().endSubset().build()).create();
        client().network().v1().ingresses().inNamespace(target.namespace()).resource(new IngressBuilder()
                .withNewMetadata().withName(app).endMetadata().withNewSpec().withNewDefaultBackend().withNewService()
                .withName(app).withNewPort().withNumber(80).endPort().endService().endDefaultBackend().endSpec()
                .build()).create();

        Diagnosis diagnosis = troubleshooter.diagnose(target);

        assertThat(diagnosis.findings()).extracting(Finding::kind, Finding::subject).containsExactly(
                tuple(Kind.IMAGE_PULL, "pod " + app + "-a"),
                tuple(Kind.VOLUME_CLAIM, "pvc " + claim),
                tuple(Kind.UNSCHEDULABLE, "pod " + app + "-b"),
                tuple(Kind.NODE_PRESSURE, "node " + node),
                tuple(Kind.READINESS, "pod " + app + "-c"),
                tuple(Kind.NO_ENDPOINTS, "service " + app),
                tuple(Kind.NO_INGRESS_ADDRESS, "ingress " + app),
                tuple(Kind.WARNING_EVENT, "pods " + app + "-a, " + app + "-c"));
        assertThat(diagnosis.findings().get(0).detail()).contains(pullMessage);
        assertThat(diagnosis.findings().get(2).detail()).contains("Resource constraints");
        assertThat(diagnosis.findings().get(7).detail()).startsWith("Failed: Error: ErrImagePull (5 times).");
        assertThat(diagnosis.summary()).contains("pod " + app + "-a: container " + app + ": ImagePullBackOff");
    }

    @Test
    void namesAnExceededProgressDeadlineAndSaysWhenNothingExplainsIt() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1", "v2");
        edit(target, d -> d.getSpec().getTemplate().getMetadata().setAnnotations(
                Map.of(SimulatedDeploymentController.SIMULATE, "progress-deadline-exceeded")));

        await().untilAsserted(() -> assertThat(troubleshooter.diagnose(target).findings())
                .extracting(Finding::kind).containsExactly(Kind.PROGRESS_DEADLINE));
        assertThat(troubleshooter.diagnose(target).summary()).startsWith("deployment " + target.service()
                + ": deployment \"" + target.service() + "\" exceeded its progress deadline")
                .endsWith("No cause found in pods, events, volume claims, services or ingresses.");
    }

    private static void createPod(TargetKey target, ReplicaSet owner, String name, String node, String claim,
                                  PodStatus status) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(target.namespace())
                .addToLabels("app", target.service())
                .addToLabels("pod-template-hash", owner.getMetadata().getLabels().get("pod-template-hash"))
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
                .endOwnerReference().endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName(target.service())
                .withImage(Rollbacks.IMAGE + ":v2").endContainer().endSpec();
        if (claim != null) {
            pod.editSpec().addNewVolume().withName("data").withNewPersistentVolumeClaim(claim, false).endVolume()
                    .endSpec();
        }
        Pod created = client().pods().inNamespace(target.namespace()).resource(pod.build()).create();
        created.setStatus(status);
        client().pods().inNamespace(target.namespace()).resource(created).updateStatus();
    }

    private static void warning(TargetKey target, String kind, String name, String reason, String message,
                                int count, Instant at) {
        String now = at.toString();
        client().v1().events().inNamespace(target.namespace()).resource(new EventBuilder().withNewMetadata()
                .withName(name + "." + UUID.randomUUID()).endMetadata().withType("Warning").withReason(reason)
                .withMessage(message).withCount(count).withFirstTimestamp(now).withLastTimestamp(now)
                .withNewInvolvedObject().withKind(kind).withName(name).withNamespace(target.namespace())
                .endInvolvedObject().build()).create();
    }

    private static ReplicaSet newestReplicaSet(TargetKey target) {
        Deployment deployment = deployment(target);
        return client().apps().replicaSets().inNamespace(target.namespace()).list().getItems().stream()
                .filter(rs -> DeploymentRevisions.controlledBy(rs, deployment))
                .max(Comparator.comparingLong(rs -> DeploymentRevisions.revisionOf(rs).orElse(0)))
                .orElseThrow();
    }

    private static void edit(TargetKey target, Consumer<Deployment> change) {
        client().apps().deployments().inNamespace(target.namespace()).withName(target.service()).edit(d -> {
            change.accept(d);
            return d;
        });
    }

    private static KubernetesClient client() {
        return KubernetesSandboxResource.sandbox.client();
    }
}
