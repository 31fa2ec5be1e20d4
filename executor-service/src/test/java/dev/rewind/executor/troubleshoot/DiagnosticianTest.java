package dev.rewind.executor.troubleshoot;

import static dev.rewind.executor.troubleshoot.Rollout.claim;
import static dev.rewind.executor.troubleshoot.Rollout.endpoints;
import static dev.rewind.executor.troubleshoot.Rollout.event;
import static dev.rewind.executor.troubleshoot.Rollout.ingress;
import static dev.rewind.executor.troubleshoot.Rollout.node;
import static dev.rewind.executor.troubleshoot.Rollout.pod;
import static dev.rewind.executor.troubleshoot.Rollout.running;
import static dev.rewind.executor.troubleshoot.Rollout.service;
import static dev.rewind.executor.troubleshoot.Rollout.slice;
import static dev.rewind.executor.troubleshoot.Rollout.waiting;
import static dev.rewind.executor.troubleshoot.Rollout.waitingPod;
import static dev.rewind.executor.troubleshoot.Rollout.warning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.executor.troubleshoot.Finding.Kind;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runbook's troubleshooting scenarios, read from the objects the API server lists. */
class DiagnosticianTest {

    private static final Duration MINUTES_AGO = Duration.ofMinutes(2);

    @Test
    void findsNothingInAHealthyRollout() {
        Rollout rollout = new Rollout().pods(pod("checkout-5d9-a").build());
        rollout.services.add(service("checkout", Map.of("app", "checkout")));
        rollout.endpoints.add(endpoints("checkout", 2, 0));
        rollout.ingresses.add(ingress("checkout", "checkout", "203.0.113.7"));
        rollout.events(event("Normal", "Pod", "checkout-5d9-a", "Pulled", "Successfully pulled image", MINUTES_AGO,
                1));

        Diagnosis diagnosis = rollout.diagnose();

        assertThat(diagnosis.findings()).isEmpty();
        assertThat(diagnosis.causeFound()).isFalse();
        assertThat(diagnosis.summary())
                .isEqualTo("no cause found in pods, events, volume claims, services or ingresses");
    }

    @Test
    void reportsAnImageThatCannotBePulledOnceForAllItsPods() {
        String message = "Back-off pulling image \"" + Rollout.IMAGE + "\"";
        Diagnosis diagnosis = new Rollout().pods(
                waitingPod("checkout-5d9-a", "ImagePullBackOff", message),
                waitingPod("checkout-5d9-b", "ImagePullBackOff", message)).diagnose();

        assertThat(diagnosis.findings()).containsExactly(new Finding(Kind.IMAGE_PULL,
                "pods checkout-5d9-a, checkout-5d9-b",
                "container checkout: ImagePullBackOff: " + message + ". Check that image " + Rollout.IMAGE
                        + " exists with that tag and that the pod's imagePullSecrets may pull it."));
        assertThat(diagnosis.summary()).startsWith("pods checkout-5d9-a, checkout-5d9-b: container checkout: "
                + "ImagePullBackOff");
    }

    @Test
    void reportsACrashLoopWithTheLastTerminationsReasonAndExitCode() {
        Pod crashing = pod("checkout-5d9-a").editStatus().withContainerStatuses(new ContainerStatusBuilder(
                        waiting("CrashLoopBackOff", "back-off 5m0s restarting failed container=checkout pod=x"))
                .withRestartCount(7).withNewLastState().withNewTerminated().withReason("Error").withExitCode(1)
                .withMessage("DATABASE_URL is not set\n").endTerminated().endLastState().build()).endStatus().build();
        Pod oomKilled = pod("checkout-5d9-b").editStatus().withContainerStatuses(new ContainerStatusBuilder(
                        running(false))
                .withRestartCount(3).withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137)
                .endTerminated().endLastState().build()).endStatus().build();

        List<Finding> findings = new Rollout().pods(crashing, oomKilled).diagnose().findings();

        assertThat(findings).extracting(Finding::kind).containsExactly(Kind.CRASH_LOOP, Kind.CRASH_LOOP);
        assertThat(findings.get(0).subject()).isEqualTo("pod checkout-5d9-a");
        assertThat(findings.get(0).detail()).isEqualTo("container checkout keeps crashing (CrashLoopBackOff), last "
                + "terminated with Error, exit code 1: DATABASE_URL is not set. Read why it exits (kubectl logs "
                + "--previous -c checkout on the pod) and fix it, or roll back further.");
        assertThat(findings.get(1).detail()).as("running between two back-offs, its last termination still tells")
                .contains("last terminated with OOMKilled, exit code 137")
                .contains("It ran out of memory: raise its memory limit");
    }

    @Test
    void reportsAContainerThatCannotBeCreatedFromItsConfiguration() {
        Diagnosis diagnosis = new Rollout().pods(waitingPod("checkout-5d9-a", "CreateContainerConfigError",
                "secret \"checkout-db\" not found")).diagnose();

        assertThat(diagnosis.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.CONTAINER_CONFIG);
            assertThat(f.detail()).startsWith("container checkout: CreateContainerConfigError: secret \"checkout-db\" "
                    + "not found. It cannot be created as configured: create the Secret or ConfigMap it names");
        });
    }

    @Test
    void reportsPodsTheSchedulerCannotPlaceForLackOfResourcesAsResourceConstraints() {
        String message = "0/3 nodes are available: 2 Insufficient cpu, 1 Insufficient memory. preemption: 0/3 nodes "
                + "are available: 3 No preemption victims found for incoming pod.";
        Pod pending = pod("checkout-5d9-a").editSpec().withNodeName(null).endSpec().withNewStatus()
                .withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage(message).endCondition().endStatus().build();
        Rollout rollout = new Rollout().pods(pending)
                .events(warning("Pod", "checkout-5d9-a", "FailedScheduling", message, MINUTES_AGO, 4));

        List<Finding> findings = rollout.diagnose().findings();

        assertThat(findings).as("the scheduler's event says what the pod's condition said: told once")
                .singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.UNSCHEDULABLE);
                    assertThat(f.subject()).isEqualTo("pod checkout-5d9-a");
                    assertThat(f.detail()).startsWith("Unschedulable: 0/3 nodes are available: 2 Insufficient cpu")
                            .contains("Resource constraints: no node has the CPU or memory the pod requests; lower "
                                    + "its requests, add nodes or free capacity (kubectl describe nodes).");
                });
    }

    @Test
    void reportsPressureOnTheNodesHostingThePodsAndEvictions() {
        Rollout rollout = new Rollout().pods(pod("checkout-5d9-a").build(),
                pod("checkout-5d9-b").editSpec().withNodeName("node-2").endSpec().withNewStatus().withPhase("Failed")
                        .withReason("Evicted").withMessage("The node was low on resource: memory.").endStatus()
                        .build());
        rollout.nodes.add(node("node-1", "MemoryPressure", "True", "kubelet has insufficient memory available"));
        rollout.nodes.add(node("node-9", "DiskPressure", "True", "kubelet has disk pressure"));

        List<Finding> findings = rollout.diagnose().findings();

        assertThat(findings).extracting(Finding::kind, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.NODE_PRESSURE, "pod checkout-5d9-b"),
                org.assertj.core.groups.Tuple.tuple(Kind.NODE_PRESSURE, "node node-1"));
        assertThat(findings.get(0).detail()).startsWith("evicted: The node was low on resource: memory. Its node ran "
                + "short of memory, disk or PIDs: free capacity there (kubectl describe node node-2)");
        assertThat(findings.get(1).detail()).startsWith("MemoryPressure: kubelet has insufficient memory available "
                + "(hosts checkout-5d9-a). The kubelet evicts pods from it");
    }

    @Test
    void reportsANodeThatIsNotReady() {
        Rollout rollout = new Rollout().pods(pod("checkout-5d9-a").build());
        rollout.nodes.add(node("node-1", "Ready", "Unknown", "Kubelet stopped posting node status."));

        assertThat(rollout.diagnose().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.NODE_NOT_READY);
            assertThat(f.detail()).startsWith("Ready=Unknown: Kubelet stopped posting node status. (hosts "
                    + "checkout-5d9-a)");
        });
    }

    @Test
    void reportsFailingReadinessWithTheProbesOwnWords() {
        Pod notReady = pod("checkout-5d9-a").editStatus().withConditions().addNewCondition().withType("Ready")
                .withStatus("False").withReason("ContainersNotReady")
                .withMessage("containers with unready status: [checkout]").endCondition()
                .withContainerStatuses(running(false)).endStatus().build();
        String probe = "Readiness probe failed: HTTP probe failed with statuscode: 503";
        Rollout rollout = new Rollout().pods(notReady)
                .events(warning("Pod", "checkout-5d9-a", "Unhealthy", probe, MINUTES_AGO, 31));

        List<Finding> findings = rollout.diagnose().findings();

        assertThat(findings).as("the probe's event quoted in the finding, not told twice").singleElement()
                .isEqualTo(new Finding(Kind.READINESS, "pod checkout-5d9-a", "container checkout runs but is not "
                        + "ready: " + probe + ". Its readiness probe fails, so it gets no traffic and the rollout "
                        + "cannot progress: check what the probe calls (path, port, timeout) and the application's "
                        + "start-up logs."));
    }

    @Test
    void reportsPendingLostAndMissingVolumeClaimsThePodsMount() {
        Rollout rollout = new Rollout();
        rollout.deployment = Rollout.deployment().editSpec().editTemplate().editSpec()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim("data", false).endVolume()
                .addNewVolume().withName("archive").withNewPersistentVolumeClaim("archive", false).endVolume()
                .addNewVolume().withName("cache").withNewPersistentVolumeClaim("cache", false).endVolume()
                .addNewVolume().withName("logs").withNewPersistentVolumeClaim("logs", false).endVolume()
                .endSpec().endTemplate().endSpec().build();
        rollout.claims.addAll(List.of(claim("data", "Pending"), claim("archive", "Lost"), claim("logs", "Bound"),
                claim("unmounted", "Pending")));
        rollout.events(warning("PersistentVolumeClaim", "data", "ProvisioningFailed",
                "storageclass.storage.k8s.io \"fast\" not found", MINUTES_AGO, 5));

        List<Finding> findings = rollout.diagnose().findings();

        assertThat(findings).extracting(Finding::subject).containsExactly("pvc data", "pvc archive", "pvc cache");
        assertThat(findings).extracting(Finding::kind).containsOnly(Kind.VOLUME_CLAIM);
        assertThat(findings.get(0).detail()).startsWith("Pending (storage class fast): ProvisioningFailed: "
                + "storageclass.storage.k8s.io \"fast\" not found. No volume is bound to it");
        assertThat(findings.get(1).detail()).startsWith("Lost: its PersistentVolume pv-archive no longer exists. "
                + "The data is gone from the cluster");
        assertThat(findings.get(2).detail()).startsWith("persistentvolumeclaim \"cache\" not found.");
    }

    @Test
    void reportsServicesSelectingThePodsWithoutAReadyEndpoint() {
        Rollout rollout = new Rollout().pods(pod("checkout-5d9-a").build());
        rollout.services.addAll(List.of(service("checkout", Map.of("app", "checkout")),
                service("checkout-admin", Map.of("app", "checkout")),
                service("checkout-canary", Map.of("app", "checkout")),
                service("payments", Map.of("app", "payments")),
                service("external-db", Map.of())));
        rollout.endpoints.add(endpoints("checkout", 0, 2));
        rollout.slices.add(slice("checkout-admin", true, false));
        rollout.slices.add(slice("checkout-canary", false, false, false));

        List<Finding> findings = rollout.diagnose().findings();

        assertThat(findings).extracting(Finding::subject)
                .as("a slice with a ready endpoint serves; other apps' and selector-less Services are not ours")
                .containsExactly("service checkout", "service checkout-canary");
        assertThat(findings).extracting(Finding::kind).containsOnly(Kind.NO_ENDPOINTS);
        assertThat(findings.get(0).detail()).isEqualTo("selects app=checkout but has no ready endpoints (2 not ready). "
                + "Its pods fail readiness, so it sends traffic nowhere: see the readiness findings (kubectl describe "
                + "endpoints checkout).");
        assertThat(findings.get(1).detail())
                .startsWith("selects app=checkout but has no ready endpoints (3 not ready)");
    }

    @Test
    void reportsAServiceNoPodMatchesWhenNeitherEndpointsNorSlicesHaveAny() {
        Rollout rollout = new Rollout();
        rollout.services.add(service("checkout", Map.of("app", "checkout")));

        assertThat(rollout.diagnose().findings()).singleElement().satisfies(f -> assertThat(f.detail())
                .isEqualTo("selects app=checkout but has no ready endpoints. No running pod matches it: check its "
                        + "selector against the pods' labels and its targetPort against their ports (kubectl "
                        + "describe svc checkout)."));
    }

    @Test
    void reportsIngressesRoutingToThoseServicesWithoutAnAddress() {
        Rollout rollout = new Rollout();
        rollout.services.addAll(List.of(service("checkout", Map.of("app", "checkout")),
                service("payments", Map.of("app", "payments"))));
        rollout.endpoints.add(endpoints("checkout", 2, 0));
        rollout.ingresses.addAll(List.of(ingress("checkout", "checkout", null),
                ingress("checkout-www", "checkout", "203.0.113.7"), ingress("payments", "payments", null)));

        assertThat(rollout.diagnose().findings()).containsExactly(new Finding(Kind.NO_INGRESS_ADDRESS,
                "ingress checkout", "routes to service checkout but has no load-balancer address (ingress class "
                + "nginx). No ingress controller has admitted it: check that the controller of that class runs, and "
                + "its events (kubectl describe ingress checkout)."));
    }

    @Test
    void tellsEachRecentWarningOnceWithHowOftenItHappened() {
        String mount = "MountVolume.SetUp failed for volume \"config\" : configmap \"checkout-config\" not found";
        Rollout rollout = new Rollout().pods(pod("checkout-5d9-a").build(), pod("checkout-5d9-b").build());
        rollout.events(
                warning("Pod", "checkout-5d9-a", "FailedMount", mount, Duration.ofMinutes(1), 3),
                warning("Pod", "checkout-5d9-b", "FailedMount", mount, Duration.ofMinutes(3), 2),
                warning("ReplicaSet", Rollout.RS, "FailedCreate", "pods \"checkout-5d9-x\" is forbidden: exceeded "
                        + "quota: compute, requested: cpu=500m, used: cpu=2, limited: cpu=2", Duration.ofMinutes(5), 1),
                warning("Pod", "checkout-5d9-a", "FailedMount", "an old mount failure", Duration.ofMinutes(16), 9),
                warning("Pod", "payments-7f8-a", "BackOff", "another app's back-off", Duration.ofMinutes(1), 4),
                event("Normal", "Pod", "checkout-5d9-a", "Scheduled", "Successfully assigned", MINUTES_AGO, 1));

        List<Finding> findings = rollout.diagnose().findings();

        assertThat(findings).extracting(Finding::kind).containsOnly(Kind.WARNING_EVENT);
        assertThat(findings).extracting(Finding::subject)
                .as("most recent first; older than the window, Normal, and other apps' events left out")
                .containsExactly("pods checkout-5d9-a, checkout-5d9-b", "replicaset checkout-5d9");
        assertThat(findings.get(0).detail()).isEqualTo("FailedMount: " + mount + " (5 times). A volume cannot be "
                + "mounted: check the claim, Secret or ConfigMap it names (kubectl describe pod).");
        assertThat(findings.get(1).detail()).startsWith("FailedCreate: pods \"checkout-5d9-x\" is forbidden: "
                + "exceeded quota").endsWith("check the namespace's ResourceQuota and LimitRange and the admission "
                + "webhooks.");
    }

    @Test
    void namesTheProgressDeadlineButSaysNoCauseWasFoundWhenThatIsAll() {
        Rollout rollout = new Rollout();
        rollout.deployment = Rollout.deployment().withNewStatus().addNewCondition().withType("Progressing")
                .withStatus("False").withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet \"checkout-5d9\" has timed out progressing.").endCondition().endStatus()
                .build();

        Diagnosis diagnosis = rollout.diagnose();

        assertThat(diagnosis.findings()).extracting(Finding::kind).containsExactly(Kind.PROGRESS_DEADLINE);
        assertThat(diagnosis.causeFound()).isFalse();
        assertThat(diagnosis.summary()).isEqualTo("deployment checkout: deployment \"checkout\" exceeded its progress "
                + "deadline: ReplicaSet \"checkout-5d9\" has timed out progressing. Kubernetes does not roll back by "
                + "itself; the other findings say why its new pods do not become available. No cause found in pods, "
                + "events, volume claims, services or ingresses.");
    }

    @Test
    void reportsAPausedDeploymentAndAReplicaSetThatCannotCreatePodsFirst() {
        Rollout rollout = new Rollout().pods(waitingPod("checkout-5d9-a", "ErrImagePull", "not found"));
        rollout.deployment = Rollout.deployment().editSpec().withPaused(true).endSpec().withNewStatus()
                .addNewCondition().withType("ReplicaFailure").withStatus("True").withReason("FailedCreate")
                .withMessage("pods \"checkout-5d9-x\" is forbidden: exceeded quota: compute").endCondition()
                .endStatus().build();

        assertThat(rollout.diagnose().findings()).extracting(Finding::kind)
                .containsExactly(Kind.PAUSED, Kind.REPLICA_FAILURE, Kind.IMAGE_PULL);
    }

    @Test
    void putsCausesBeforeSymptomsAndKeepsToTheLimits() {
        Rollout rollout = new Rollout();
        for (int i = 0; i < 12; i++) {
            rollout.events(warning("Pod", "checkout-5d9-" + i, "Failed", "failure " + i + " " + "x".repeat(400),
                    Duration.ofSeconds(i), 1));
            rollout.pods(pod("checkout-5d9-" + i).build());
        }
        rollout.pods(waitingPod("checkout-5d9-z", "ImagePullBackOff", "Back-off pulling image"));

        List<Finding> findings = new Diagnostician(Duration.ofMinutes(15), 5, 120).diagnose(rollout.snapshot())
                .findings();

        assertThat(findings).hasSize(5);
        assertThat(findings.get(0).kind()).isEqualTo(Kind.IMAGE_PULL);
        assertThat(findings).allSatisfy(f -> assertThat(f.detail()).hasSizeLessThanOrEqualTo(120));
        assertThat(findings.get(1).detail()).as("the cluster's words shortened, the advice kept")
                .startsWith("Failed: failure 0 xxx").contains("…. For the whole story: kubectl describe pod "
                        + "checkout-5d9-0.");
    }

    @Test
    void looksOnlyAtPodsOfTheDeploymentsOwnReplicaSets() {
        Rollout rollout = new Rollout();
        rollout.deployment = Rollout.deployment().editSpec().editSelector().addNewMatchExpression().withKey("track")
                .withOperator("NotIn").withValues("canary").endMatchExpression().endSelector().endSpec().build();
        rollout.replicaSets.add(Rollout.replicaSet("checkout-old", "other-rs-uid", "another-deployment"));
        String message = "Back-off pulling image";
        rollout.pods(
                waitingPod("checkout-5d9-a", "ImagePullBackOff", message),
                pod("checkout-canary").editMetadata().addToLabels("track", "canary").endMetadata().editStatus()
                        .withContainerStatuses(waiting("ImagePullBackOff", message)).endStatus().build(),
                pod("checkout-job").editMetadata().withOwnerReferences().addNewOwnerReference().withKind("Job")
                        .withName("migrate").withUid("job-uid").withController(true).endOwnerReference().endMetadata()
                        .editStatus().withContainerStatuses(waiting("ImagePullBackOff", message)).endStatus().build(),
                pod("checkout-other").editMetadata().withOwnerReferences().addNewOwnerReference()
                        .withKind("ReplicaSet").withName("checkout-old").withUid("other-rs-uid").withController(true)
                        .endOwnerReference().endMetadata()
                        .editStatus().withContainerStatuses(waiting("ImagePullBackOff", message)).endStatus().build(),
                pod("checkout-orphan").editMetadata().withOwnerReferences().endMetadata()
                        .editStatus().withContainerStatuses(waiting("ImagePullBackOff", message)).endStatus().build());

        assertThat(rollout.diagnose().findings()).singleElement().extracting(Finding::subject)
                .isEqualTo("pods checkout-5d9-a, checkout-orphan");
    }

    @Test
    void saysWhatItCouldNotReadAndClaimsNothingFromIt() {
        Rollout rollout = new Rollout().pods(pod("checkout-5d9-a").build());
        rollout.services.add(service("checkout", Map.of("app", "checkout")));
        rollout.unread.put("endpoints", "403: endpoints is forbidden");
        rollout.unread.put("endpointslices", "403: endpointslices.discovery.k8s.io is forbidden");

        Diagnosis diagnosis = rollout.diagnose();

        assertThat(diagnosis.findings()).extracting(Finding::kind).containsOnly(Kind.NOT_READ);
        assertThat(diagnosis.findings().get(0)).isEqualTo(new Finding(Kind.NOT_READ, "endpoints",
                "could not be read (403: endpoints is forbidden). The diagnosis could not look there; if it is "
                        + "forbidden, let the executor read endpoints (k8s/base/executor-rbac.yaml)."));
        assertThat(diagnosis.summary()).endsWith("No cause found in pods, events, volume claims, services or "
                + "ingresses.");
    }
}
