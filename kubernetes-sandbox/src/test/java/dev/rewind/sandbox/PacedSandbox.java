package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A paced {@link SimulatedDeploymentController} against a bare CRUD API server, driven by hand: each {@link #tick}
 * moves the clock one rollout step on and runs one reconcile round, so that a test sees every step.
 */
final class PacedSandbox implements AutoCloseable {

    static final String NAMESPACE = "shop";
    static final String IMAGE = "registry.example/shop/";

    final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    final SandboxRealism realism;
    final SimulatedDeploymentController controller;
    private final CrudApiServer server = new CrudApiServer();

    PacedSandbox(SandboxRealism realism) {
        this.realism = realism;
        this.controller = new SimulatedDeploymentController(server.client(), realism, clock);
    }

    /** Faithful, with a 100 ms step and deadlines at {@code deadlineScale}. */
    static PacedSandbox faithful(double deadlineScale, boolean pods) {
        return new PacedSandbox(new SandboxRealism(true, Duration.ofMillis(100), deadlineScale, pods, false,
                Duration.ofSeconds(1)));
    }

    KubernetesClient client() {
        return server.client();
    }

    /** Creates Deployment {@code name} running {@code version} ({@code spec} may change it) and rolls it out. */
    Deployment deploy(String name, int replicas, String version, UnaryOperator<DeploymentBuilder> spec) {
        client().apps().deployments().inNamespace(NAMESPACE).resource(spec.apply(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(IMAGE + name + ":" + version).endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()).build()).create();
        List<Deployment> steps = tickUntilSettled(name);
        assertThat(steps.get(steps.size() - 1).getStatus().getAvailableReplicas()).isEqualTo(replicas);
        return deployment(name);
    }

    /** Releases {@code version} of {@code name}, its pods behaving as {@code simulate} says (null: healthy). */
    void release(String name, String version, String simulate) {
        client().apps().deployments().inNamespace(NAMESPACE).withName(name).edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(IMAGE + name + ":" + version);
            Map<String, String> annotations = new HashMap<>();
            if (simulate != null) {
                annotations.put(SimulatedDeploymentController.SIMULATE, simulate);
            }
            d.getSpec().getTemplate().getMetadata().setAnnotations(annotations);
            return d;
        });
    }

    /** One rollout step later: one reconcile round. */
    void tick() {
        clock.advance(realism.rolloutStep());
        controller.reconcileAll();
    }

    /** {@code name} after each tick until its rollout is complete or stops moving (at most 50 ticks). */
    List<Deployment> tickUntilSettled(String name) {
        List<Deployment> steps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tick();
            Deployment now = deployment(name);
            steps.add(now);
            if (!PacedRollouts.inProgress(now) || (steps.size() > 3
                    && steps.get(steps.size() - 4).getStatus().equals(now.getStatus()))) {
                break;
            }
        }
        return steps;
    }

    Deployment deployment(String name) {
        return client().apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    }

    List<ReplicaSet> replicaSets(String name) {
        Deployment deployment = deployment(name);
        return client().apps().replicaSets().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(rs -> DeploymentRevisions.controlledBy(rs, deployment)).toList();
    }

    /** The ReplicaSet of {@code name} running {@code version}. */
    ReplicaSet replicaSet(String name, String version) {
        return replicaSets(name).stream()
                .filter(rs -> DeploymentRevisions.versionOf(rs.getSpec().getTemplate()).equals(version))
                .findFirst().orElseThrow();
    }

    List<Pod> pods(String name) {
        return client().pods().inNamespace(NAMESPACE).withLabel("app", name).list().getItems();
    }

    @Override
    public void close() {
        controller.close();
        server.close();
    }
}
