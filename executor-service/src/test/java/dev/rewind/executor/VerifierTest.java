package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.verification.ServiceStubResource.BROKEN;
import static dev.rewind.executor.verification.ServiceStubResource.HEALTHY;
import static dev.rewind.executor.verification.ServiceStubResource.SMOKE_TEXT;
import static dev.rewind.executor.verification.ServiceStubResource.stub;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.TargetKey;
import dev.rewind.executor.verification.CheckResult;
import dev.rewind.executor.verification.ClusterObjects;
import dev.rewind.executor.verification.HealthCheck;
import dev.rewind.executor.verification.MetricsCheck;
import dev.rewind.executor.verification.MisbehavingCheck;
import dev.rewind.executor.verification.ServiceStub;
import dev.rewind.executor.verification.ServiceStubResource;
import dev.rewind.executor.verification.VerificationTarget;
import dev.rewind.executor.verification.Verifier;
import dev.rewind.platform.environment.Environments;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * The runbook's verification steps against the sandbox and a local stand-in for the service's health and smoke pages
 * and Prometheus: a healthy rollout passes every configured check, each kind of failure fails its own check with a
 * detail an SRE can act on, and checks not configured for a target are not reported.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
@WithTestResource(ServiceStubResource.class)
class VerifierTest {

    private static final String QUERY = "job:http_errors:ratio_rate2m{namespace=\"{namespace}\",service=\"{service}\"}";

    @Inject
    Verifier verifier;

    @Inject
    Environments environments;

    @Test
    void aHealthyRolloutPassesEveryConfiguredCheck() {
        TargetKey target = new TargetKey("development", "shop", HEALTHY);
        Instant started = Instant.now().minusSeconds(5);
        deploy(target, "v1", "v2");
        annotate(target, Map.of(MetricsCheck.QUERY_ANNOTATION, QUERY));
        seedPods(target, started, ClusterObjects.running(true), ClusterObjects.running(true));
        seedService(target, 2, 0);
        create(ClusterObjects.event("shop", "Warning", "Pod", HEALTHY + "-old", "BackOff", "before the rollback",
                started.minusSeconds(600)));
        create(ClusterObjects.event("shop", "Normal", "Deployment", HEALTHY, "ScalingReplicaSet", "scaled up",
                Instant.now()));
        create(ClusterObjects.event("shop", "Warning", "Deployment", "someone-else", "ProgressDeadlineExceeded",
                "not ours", Instant.now()));
        stub.first("/health/" + HEALTHY, 503, 2);
        stub.page("/health/" + HEALTHY, 200, "{\"status\":\"UP\"}");
        stub.page("/smoke/shop/" + HEALTHY, 200, "<button>" + SMOKE_TEXT + "</button>");
        stub.sample(expanded(target), HEALTHY, "0.01");

        List<CheckResult> results = verifier.verify(verificationOf(target, started));

        assertThat(results).extracting(CheckResult::name).containsExactly("pods-ready", "endpoints",
                "warning-events", "startup-logs", "health", "smoke", "metrics");
        assertThat(results).allSatisfy(result -> assertThat(result.passed()).as(result.toString()).isTrue());
        assertThat(detail(results, "pods-ready")).isEqualTo("all 2 pods of deployment shop/" + HEALTHY
                + " are Running and Ready");
        assertThat(detail(results, "endpoints")).isEqualTo("services in front of deployment shop/" + HEALTHY
                + " have ready endpoints: " + HEALTHY + " (2 ready)");
        assertThat(detail(results, "startup-logs")).as("the sandbox serves its pods' logs, a healthy start")
                .startsWith("no startup errors in the last ").endsWith(" of 2 containers of 2 new pods");
        assertThat(detail(results, "health")).as("answered 200 on the third try, within the window")
                .isEqualTo("GET " + stub.url() + "/health/" + HEALTHY + " answered 200");
        assertThat(stub.requests("/health/" + HEALTHY)).hasSize(3);
        assertThat(detail(results, "smoke")).isEqualTo("1 smoke probe passed: probe storefront: GET " + stub.url()
                + "/smoke/shop/" + HEALTHY + " answered 200");
        assertThat(detail(results, "metrics")).isEqualTo("query '" + expanded(target) + "': {service=" + HEALTHY
                + "} 0.01 < 0.05");
        assertThat(stub.requests("/api/v1/query")).extracting(ServiceStub.Request::method).containsOnly("POST");
    }

    @Test
    void aBrokenRolloutFailsEachCheckWithAReadableDetail() {
        TargetKey target = new TargetKey("development", "shop", BROKEN);
        Instant started = Instant.now().minusSeconds(5);
        deploy(target, "v1", "v2");
        annotate(target, Map.of(MetricsCheck.QUERY_ANNOTATION, QUERY,
                HealthCheck.ANNOTATION, stub.url() + "/health/{service}"));
        List<Pod> pods = seedPods(target, started, ClusterObjects.running(true), ClusterObjects.crashLooping());
        seedService(target, 0, 2);
        create(ClusterObjects.event("shop", "Warning", "Pod", pods.get(1).getMetadata().getName(), "BackOff",
                "Back-off restarting failed container app", Instant.now()));
        stub.page("/health/" + BROKEN, 503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"db\",\"status\":\"DOWN\"}]}");
        stub.page("/smoke/shop/" + BROKEN, 200, "<h1>Sorry, something went wrong</h1>");
        stub.sample(expanded(target), BROKEN, "0.2");

        List<CheckResult> results = verifier.verify(verificationOf(target, started));

        assertThat(results).extracting(CheckResult::name).containsExactly("pods-ready", "endpoints",
                "warning-events", "startup-logs", "health", "smoke", "metrics");
        assertThat(failed(results, "pods-ready")).startsWith("1/2 pods of deployment shop/" + BROKEN + " are "
                + "Running and Ready: pod " + pods.get(1).getMetadata().getName() + " is Running but not Ready: "
                + "container app waiting: CrashLoopBackOff (back-off 2m40s restarting failed container), 4 restarts "
                + "(still so after ");
        assertThat(failed(results, "endpoints")).startsWith("service " + BROKEN + " has no ready endpoints (2 not "
                + "ready): traffic to deployment shop/" + BROKEN + " goes nowhere");
        assertThat(failed(results, "warning-events")).startsWith("1 warning event about deployment shop/" + BROKEN
                + " since " + started + ": Pod/" + pods.get(1).getMetadata().getName() + " BackOff: Back-off "
                + "restarting failed container app (x3)");
        assertThat(failed(results, "health")).startsWith("GET " + stub.url() + "/health/" + BROKEN + " answered 503, "
                + "expected 200 (body: '{\"status\":\"DOWN\",\"checks\":[{\"name\":\"db\",\"status\":\"DOWN\"}]}'): "
                + "the service is not healthy after the rollback").contains(" attempts within 1s)");
        assertThat(failed(results, "smoke")).startsWith("1 of 1 smoke probes failed: probe storefront: GET "
                + stub.url() + "/smoke/shop/" + BROKEN + " answered 200 without '" + SMOKE_TEXT + "' in its body");
        assertThat(failed(results, "metrics")).startsWith("query '" + expanded(target) + "': 1 of 1 samples not "
                + "< 0.05: {service=" + BROKEN + "} 0.2: the service is not back to its baseline");
    }

    @Test
    void startupErrorsInTheNewPodsRecentLogsFailTheCheck() {
        // The sandbox writes its own pods' logs: another mock API server, whose log answers the test sets, stands in for
        // kubelets.
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        try (KubernetesClient client = server.createClient()) {
            TargetKey target = uniqueTarget("development");
            Instant started = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
            client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
                    .withNewMetadata().withName(target.service()).withNamespace("shop").endMetadata()
                    .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(Map.of("app", target.service()))
                    .endSelector().withNewTemplate().withNewMetadata().withLabels(Map.of("app", target.service()))
                    .endMetadata().endTemplate().endSpec().build()).create();
            for (String pod : List.of("quiet", "failing")) {
                client.pods().inNamespace("shop").resource(ClusterObjects.pod("shop", target.service() + "-" + pod,
                        target.service(), Instant.now(), ClusterObjects.running(true))).create();
            }
            String logs = "/api/v1/namespaces/shop/pods/" + target.service() + "-%s/log?pretty=false&container=app"
                    + "&sinceTime=" + started + "&tailLines=500";
            server.expect().get().withPath(logs.formatted("quiet"))
                    .andReturn(200, "INFO Started in 1.2s\nINFO Listening on :8080\n").always();
            server.expect().get().withPath(logs.formatted("failing")).andReturn(200, """
                    INFO Starting
                    ERROR Flyway migration V42 failed
                    java.lang.IllegalStateException: schema version 41 expected
                    """).always();
            Deployment deployment = client.apps().deployments().inNamespace("shop").withName(target.service()).get();

            List<CheckResult> results = verifier.verify(new VerificationTarget(target, environments.of(target), client,
                    deployment, started));

            assertThat(failed(results, "startup-logs")).isEqualTo("startup errors in the logs of deployment shop/"
                    + target.service() + " since " + started + ": pod " + target.service() + "-failing container app: "
                    + "2 error lines, 'ERROR Flyway migration V42 failed' | 'java.lang.IllegalStateException: schema "
                    + "version 41 expected' (kubectl logs -n shop <pod> -c <container>)");
        } finally {
            server.destroy();
        }
    }

    @Test
    void onTheSandboxPodsReadyReadsTheDeploymentStatusAndChecksNotConfiguredAreNotReported() {
        TargetKey target = uniqueTarget("development");
        Instant started = Instant.now();
        deploy(target, "v1", "v2");

        List<CheckResult> results = verifier.verify(verificationOf(target, started));

        assertThat(results).extracting(CheckResult::name)
                .as("no Service, no health URL, no smoke probe for it, no query")
                .containsExactly("pods-ready", "warning-events", "startup-logs");
        assertThat(results).allSatisfy(result -> assertThat(result.passed()).as(result.toString()).isTrue());
        assertThat(detail(results, "pods-ready")).isEqualTo("no pods of deployment shop/" + target.service()
                + " were listed; its status reports 2/2 ready replicas");
        assertThat(detail(results, "startup-logs")).isEqualTo("no pod of deployment shop/" + target.service()
                + " started after " + started + ": no new logs to read");
    }

    @Test
    void aQueryWithoutDataAndAnUnreadableThresholdFailTheMetricsCheck() {
        TargetKey noData = uniqueTarget("development");
        deploy(noData, "v1");
        annotate(noData, Map.of(MetricsCheck.QUERY_ANNOTATION, "up{service=\"{service}\"}"));
        TargetKey badThreshold = uniqueTarget("development");
        deploy(badThreshold, "v1");
        annotate(badThreshold, Map.of(MetricsCheck.QUERY_ANNOTATION, "up", MetricsCheck.THRESHOLD_ANNOTATION,
                "under 5%"));

        String withoutData = failed(verifier.verify(verificationOf(noData, Instant.now())), "metrics");
        String unreadable = failed(verifier.verify(verificationOf(badThreshold, Instant.now())), "metrics");

        assertThat(withoutData).startsWith("query 'up{service=\"" + noData.service() + "\"}' returned no data (an "
                + "empty vector)");
        assertThat(unreadable).isEqualTo("threshold 'under 5%' is not '<operator> <number>' with an operator among "
                + "< <= > >= == != (e.g. '< 0.05'): fix the annotation rewind.dev/verify-threshold of deployment shop/"
                + badThreshold.service() + " or rewind.executor.verification.metrics.threshold");
    }

    @Test
    void aCheckThatThrowsOrHangsFailsAndTheOthersStillRun() {
        TargetKey throwing = uniqueTarget("development");
        deploy(throwing, "v1");
        annotate(throwing, Map.of(MisbehavingCheck.ANNOTATION, "throw"));
        TargetKey hanging = uniqueTarget("development");
        deploy(hanging, "v1");
        annotate(hanging, Map.of(MisbehavingCheck.ANNOTATION, "hang"));

        List<CheckResult> thrown = verifier.verify(verificationOf(throwing, Instant.now()));
        List<CheckResult> hung = verifier.verify(verificationOf(hanging, Instant.now()));

        assertThat(thrown).extracting(CheckResult::name).containsExactly("pods-ready", "warning-events",
                "startup-logs", MisbehavingCheck.NAME);
        assertThat(failed(thrown, MisbehavingCheck.NAME)).isEqualTo("the check could not run: the cluster said no");
        assertThat(failed(hung, MisbehavingCheck.NAME)).isEqualTo("the check did not finish within 5s "
                + "(rewind.executor.verification.check-timeout): the Kubernetes API or the service did not answer "
                + "in time");
        assertThat(Thread.currentThread().isInterrupted()).as("the timeout's interrupt does not leak").isFalse();
    }

    private VerificationTarget verificationOf(TargetKey target, Instant started) {
        KubernetesClient client = KubernetesSandboxResource.sandbox.client();
        Deployment deployment = client.apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).get();
        return new VerificationTarget(target, environments.of(target), client, deployment, started);
    }

    /** Pods of the target's current ReplicaSet, as its controller would have made them, with {@code statuses}. */
    private static List<Pod> seedPods(TargetKey target, Instant started, PodStatus... statuses) {
        KubernetesClient client = KubernetesSandboxResource.sandbox.client();
        String replicaSet = client.apps().replicaSets().inNamespace(target.namespace()).list().getItems().stream()
                .filter(rs -> rs.getMetadata().getName().startsWith(target.service() + "-"))
                .filter(rs -> rs.getSpec().getReplicas() != null && rs.getSpec().getReplicas() > 0)
                .findFirst().orElseThrow().getMetadata().getName();
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            Pod pod = ClusterObjects.pod(target.namespace(), replicaSet + "-p" + i, target.service(),
                    started.plusSeconds(1), statuses[i]);
            Pod created = client.pods().inNamespace(target.namespace()).resource(pod).create();
            created.setStatus(statuses[i]);
            pods.add(client.pods().inNamespace(target.namespace()).resource(created).updateStatus());
        }
        return pods;
    }

    private static void seedService(TargetKey target, int ready, int notReady) {
        create(ClusterObjects.service(target.namespace(), target.service(), target.service()));
        create(ClusterObjects.endpoints(target.namespace(), target.service(), ready, notReady));
    }

    private static void create(HasMetadata object) {
        KubernetesSandboxResource.sandbox.client().resource(object).create();
    }

    private static void annotate(TargetKey target, Map<String, String> annotations) {
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getMetadata().getAnnotations().putAll(annotations);
                    return d;
                });
    }

    private static String expanded(TargetKey target) {
        return QUERY.replace("{namespace}", target.namespace()).replace("{service}", target.service());
    }

    private static String detail(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().detail();
    }

    private static String failed(List<CheckResult> results, String name) {
        CheckResult result = results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertThat(result.passed()).as(result.toString()).isFalse();
        return result.detail();
    }
}
