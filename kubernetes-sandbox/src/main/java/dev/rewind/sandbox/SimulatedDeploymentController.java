package dev.rewind.sandbox;

import dev.rewind.kubernetes.DeploymentRevisions;
import static dev.rewind.kubernetes.DeploymentRevisions.controlledBy;
import static dev.rewind.kubernetes.DeploymentRevisions.revisionOf;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small stand-in for Kubernetes' Deployment controller, for an API server that has none (the fabric8 mock server).
 * On a template change it reuses the ReplicaSet whose template matches or creates {@code <name>-<hash>}, numbers
 * revisions as the real controller does (a reused ReplicaSet becomes max+1 and records its old number in
 * revision-history), scales ReplicaSets, prunes past revisionHistoryLimit, honours {@code paused}, and publishes
 * status through {@code /status}. A pod template annotated {@value #SIMULATE} = {@code progress-deadline-exceeded}
 * never becomes available: its rollout fails as a broken release does.
 */
public final class SimulatedDeploymentController implements AutoCloseable {

    /** Pod-template annotation that makes a version misbehave in the sandbox. */
    public static final String SIMULATE = "sandbox.rewind.dev/simulate";

    private static final Logger LOG = Logger.getLogger(SimulatedDeploymentController.class.getName());
    private static final String SAFE = "bcdfghjklmnpqrstvwxz2456789";

    private final KubernetesClient client;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulated-deployment-controller");
        thread.setDaemon(true);
        return thread;
    });

    public SimulatedDeploymentController(KubernetesClient client) {
        this.client = client;
    }

    /** Reconciles every Deployment every {@code periodMillis}. */
    public SimulatedDeploymentController start(long periodMillis) {
        loop.scheduleWithFixedDelay(this::reconcileAllSafely, 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    private void reconcileAllSafely() {
        try {
            reconcileAll();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "reconcile round failed, retrying", e);
        }
    }

    /** One reconcile round over all Deployments whose latest generation was not observed yet. */
    public synchronized void reconcileAll() {
        for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
            Long generation = deployment.getMetadata().getGeneration();
            Long observed = deployment.getStatus() == null ? null : deployment.getStatus().getObservedGeneration();
            if (observed == null || generation == null || observed < generation) {
                reconcile(deployment);
            }
        }
    }

    private void reconcile(Deployment deployment) {
        String namespace = deployment.getMetadata().getNamespace();
        String name = deployment.getMetadata().getName();
        int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            publishStatus(namespace, name, deployment.getMetadata().getGeneration(), replicas, false, true);
            return;
        }
        List<ReplicaSet> owned = new ArrayList<>(client.apps().replicaSets().inNamespace(namespace).list().getItems()
                .stream().filter(rs -> controlledBy(rs, deployment)).toList());
        long max = owned.stream().mapToLong(rs -> revisionOf(rs).orElse(0)).max().orElse(0);
        ReplicaSet current = owned.stream()
                .filter(rs -> DeploymentRevisions.sameTemplate(rs.getSpec().getTemplate(), deployment.getSpec().getTemplate()))
                .findFirst().orElse(null);
        long revision;
        if (current == null) {
            revision = max + 1;
            current = createReplicaSet(deployment, revision, replicas);
            owned.add(current);
        } else {
            long old = revisionOf(current).orElse(0);
            revision = old == max ? max : max + 1;
            if (revision != old) {
                renumber(current, old, revision);
            }
        }
        for (ReplicaSet rs : owned) {
            scale(rs, rs.getMetadata().getName().equals(current.getMetadata().getName()) ? replicas : 0);
        }
        prune(deployment, owned, current);
        String revisionText = String.valueOf(revision);
        if (!revisionText.equals(annotation(deployment, DeploymentRevisions.REVISION))) {
            client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
                Map<String, String> annotations = d.getMetadata().getAnnotations() == null
                        ? new HashMap<>() : new HashMap<>(d.getMetadata().getAnnotations());
                annotations.put(DeploymentRevisions.REVISION, revisionText);
                d.getMetadata().setAnnotations(annotations);
                return d;
            });
        }
        boolean broken = "progress-deadline-exceeded".equals(templateAnnotation(deployment.getSpec().getTemplate()));
        publishStatus(namespace, name, deployment.getMetadata().getGeneration(), replicas, broken, false);
    }

    private ReplicaSet createReplicaSet(Deployment deployment, long revision, int replicas) {
        String hash = hash(deployment.getSpec().getTemplate());
        PodTemplateSpec template = DeploymentRevisions.withoutHash(deployment.getSpec().getTemplate());
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
        labels.put(DeploymentRevisions.POD_TEMPLATE_HASH, hash);
        template.getMetadata().setLabels(labels);
        Map<String, String> annotations = new HashMap<>();
        if (deployment.getMetadata().getAnnotations() != null) {
            deployment.getMetadata().getAnnotations().forEach((key, value) -> {
                if (!key.equals("kubectl.kubernetes.io/last-applied-configuration") && !key.startsWith("deployment.kubernetes.io/")) {
                    annotations.put(key, value);
                }
            });
        }
        annotations.put(DeploymentRevisions.REVISION, String.valueOf(revision));
        annotations.put(DeploymentRevisions.DESIRED_REPLICAS, String.valueOf(replicas));
        annotations.put(DeploymentRevisions.MAX_REPLICAS, String.valueOf(replicas + 1));
        Map<String, String> selector = new HashMap<>(deployment.getSpec().getSelector().getMatchLabels());
        selector.put(DeploymentRevisions.POD_TEMPLATE_HASH, hash);
        ReplicaSet replicaSet = new ReplicaSetBuilder()
                .withNewMetadata()
                    .withName(deployment.getMetadata().getName() + "-" + hash)
                    .withNamespace(deployment.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withAnnotations(annotations)
                    .withOwnerReferences(new OwnerReferenceBuilder()
                            .withApiVersion("apps/v1").withKind("Deployment")
                            .withName(deployment.getMetadata().getName())
                            .withUid(deployment.getMetadata().getUid())
                            .withController(true).withBlockOwnerDeletion(true).build())
                .endMetadata()
                .withNewSpec()
                    .withReplicas(replicas)
                    .withNewSelector().withMatchLabels(selector).endSelector()
                    .withTemplate(template)
                .endSpec()
                .build();
        return client.apps().replicaSets().inNamespace(deployment.getMetadata().getNamespace()).resource(replicaSet)
                .create();
    }

    private void renumber(ReplicaSet replicaSet, long old, long revision) {
        client.apps().replicaSets().inNamespace(replicaSet.getMetadata().getNamespace())
                .withName(replicaSet.getMetadata().getName()).edit(rs -> {
                    Map<String, String> annotations = new HashMap<>(rs.getMetadata().getAnnotations());
                    String history = annotations.get(DeploymentRevisions.REVISION_HISTORY);
                    annotations.put(DeploymentRevisions.REVISION_HISTORY,
                            history == null || history.isEmpty() ? String.valueOf(old) : history + "," + old);
                    annotations.put(DeploymentRevisions.REVISION, String.valueOf(revision));
                    rs.getMetadata().setAnnotations(annotations);
                    return rs;
                });
    }

    private void scale(ReplicaSet replicaSet, int replicas) {
        var resource = client.apps().replicaSets().inNamespace(replicaSet.getMetadata().getNamespace())
                .withName(replicaSet.getMetadata().getName());
        ReplicaSet latest = resource.get();
        if (latest.getSpec().getReplicas() == null || latest.getSpec().getReplicas() != replicas) {
            latest = resource.edit(rs -> {
                rs.getSpec().setReplicas(replicas);
                return rs;
            });
        }
        resource.editStatus(rs -> {
            rs.setStatus(new ReplicaSetStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
                    .withAvailableReplicas(replicas).withFullyLabeledReplicas(replicas)
                    .withObservedGeneration(rs.getMetadata().getGeneration()).build());
            return rs;
        });
    }

    private void prune(Deployment deployment, List<ReplicaSet> owned, ReplicaSet current) {
        int limit = deployment.getSpec().getRevisionHistoryLimit() == null ? 10
                : deployment.getSpec().getRevisionHistoryLimit();
        List<ReplicaSet> old = owned.stream()
                .filter(rs -> !rs.getMetadata().getName().equals(current.getMetadata().getName()))
                .sorted(Comparator.comparingLong(rs -> revisionOf(rs).orElse(0)))
                .toList();
        for (int i = 0; i < old.size() - limit; i++) {
            client.apps().replicaSets().inNamespace(deployment.getMetadata().getNamespace())
                    .withName(old.get(i).getMetadata().getName()).delete();
        }
    }

    private void publishStatus(String namespace, String name, Long generation, int replicas, boolean broken,
                               boolean paused) {
        String now = Instant.now().toString();
        List<DeploymentCondition> conditions = List.of(
                new DeploymentConditionBuilder().withType("Available")
                        .withStatus(broken ? "False" : "True")
                        .withReason(broken ? "MinimumReplicasUnavailable" : "MinimumReplicasAvailable")
                        .withLastUpdateTime(now).withLastTransitionTime(now).build(),
                new DeploymentConditionBuilder().withType("Progressing")
                        .withStatus(broken ? "False" : paused ? "Unknown" : "True")
                        .withReason(broken ? "ProgressDeadlineExceeded" : paused ? "DeploymentPaused"
                                : "NewReplicaSetAvailable")
                        .withLastUpdateTime(now).withLastTransitionTime(now).build());
        int available = broken ? 0 : replicas;
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(generation)
                    .withReplicas(replicas).withUpdatedReplicas(replicas)
                    .withReadyReplicas(available).withAvailableReplicas(available)
                    .withUnavailableReplicas(replicas - available)
                    .withConditions(conditions).build());
            return d;
        });
    }

    /** A stable 10-character hash of the template, in the controller's safe alphabet. */
    static String hash(PodTemplateSpec template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    Serialization.asJson(DeploymentRevisions.withoutHash(template)).getBytes(StandardCharsets.UTF_8));
            StringBuilder hash = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                hash.append(SAFE.charAt((digest[i] & 0xff) % SAFE.length()));
            }
            return hash.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String annotation(Deployment deployment, String key) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static String templateAnnotation(PodTemplateSpec template) {
        return template.getMetadata() == null || template.getMetadata().getAnnotations() == null ? null
                : template.getMetadata().getAnnotations().get(SIMULATE);
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
