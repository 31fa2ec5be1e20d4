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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small stand-in for Kubernetes' Deployment controller, for an API server that has none (the fabric8 mock server).
 * On a template change it reuses the ReplicaSet whose template matches or creates {@code <name>-<hash>}, numbers
 * revisions as the real controller does (a reused ReplicaSet becomes max+1 and records its old number in
 * revision-history), scales ReplicaSets, prunes past revisionHistoryLimit, honours {@code paused}, and publishes
 * status through {@code /status}. A pod template annotated {@value #SIMULATE} = {@code progress-deadline-exceeded},
 * {@code crash-loop} or {@code image-pull-backoff} ({@link SimulatedVersion}) never becomes available: its rollout
 * fails as a broken release does. Tests can also hold a Deployment's rollouts ({@link #holdRollouts}), stop observing
 * it ({@link #stopObserving}) and have others write it in the background ({@link #churn}: an HPA scaling, a
 * controller's status heartbeat, another controller's label).
 *
 * <p>How faithfully is a {@link SandboxRealism}. {@link SandboxRealism#INSTANT} (the default) rolls out in one
 * reconcile: every replica updated and available at once, a broken version's Progressing False
 * ProgressDeadlineExceeded at once, no pods. With paced rollouts ({@link SandboxRealism#FAITHFUL}) a rollout moves a
 * step every {@code rolloutStep} ({@link PacedRollouts}): RollingUpdate within maxSurge/maxUnavailable (or Recreate),
 * Progressing ReplicaSetUpdated while it moves and NewReplicaSetAvailable when done, a broken version timing out
 * after its (scaled) progressDeadlineSeconds, with pods ({@link SimulatedPods}); Jobs are run by a
 * {@link SimulatedJobController} on the same loop.
 */
public final class SimulatedDeploymentController implements AutoCloseable {

    /** Pod-template annotation that makes a version misbehave in the sandbox. */
    public static final String SIMULATE = "sandbox.rewind.dev/simulate";

    /** Label that {@link Churn#LABEL} keeps rewriting, as another controller would. */
    public static final String CHURN_LABEL = "sandbox.rewind.dev/churn";

    /** Writes other actors make to a Deployment in the background. */
    public enum Churn {
        /** The controller's status heartbeat: condition times move on, nothing else. */
        STATUS,
        /** An autoscaler: spec.replicas between 2 and 3 (a new generation), observed by the controller at once. */
        SCALE,
        /** Another controller labelling the Deployment. */
        LABEL
    }

    private static final Logger LOG = Logger.getLogger(SimulatedDeploymentController.class.getName());
    /** The alphabet of the controllers' generated names (pod-template-hash, pod suffixes). */
    static final String SAFE = "bcdfghjklmnpqrstvwxz2456789";

    private final KubernetesClient client;
    private final SandboxRealism realism;
    private final Clock clock;
    /** Null for instant rollouts. */
    private final PacedRollouts rollouts;
    /** Null when Jobs are not run. */
    private final SimulatedJobController jobs;
    private Instant lastJobRound = Instant.MIN;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Set<String> unobserved = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService loop =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("simulated-deployment-controller"));

    /** An instant controller ({@link SandboxRealism#INSTANT}). */
    public SimulatedDeploymentController(KubernetesClient client) {
        this(client, SandboxRealism.INSTANT);
    }

    /** A controller as faithful as {@code realism}. */
    public SimulatedDeploymentController(KubernetesClient client, SandboxRealism realism) {
        this(client, realism, Clock.systemUTC());
    }

    /** A controller whose steps, deadlines and pod times follow {@code clock} (tests move it by hand). */
    SimulatedDeploymentController(KubernetesClient client, SandboxRealism realism, Clock clock) {
        this.client = client;
        this.realism = realism;
        this.clock = clock;
        this.rollouts = realism.pacedRollouts() ? new PacedRollouts(client, realism) : null;
        this.jobs = realism.jobs() ? new SimulatedJobController(client, realism.jobRunTime(), clock) : null;
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

    /**
     * One reconcile round over all Deployments whose latest generation was not observed yet and, with paced
     * rollouts, those whose rollout is in progress and due for its next step; then, when Jobs are run and a step
     * passed since their last round, over the Jobs.
     */
    public synchronized void reconcileAll() {
        Instant now = clock.instant();
        for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
            Long generation = deployment.getMetadata().getGeneration();
            Long observed = deployment.getStatus() == null ? null : deployment.getStatus().getObservedGeneration();
            if (observed == null || generation == null || observed < generation
                    || (rollouts != null && rollouts.due(deployment, now))) {
                reconcile(deployment);
            }
        }
        if (jobs != null && !lastJobRound.plus(realism.rolloutStep()).isAfter(now)) {
            lastJobRound = now;
            jobs.reconcileAll();
        }
    }

    /**
     * Holds the rollouts of Deployment {@code name}: new ReplicaSets are made and revisions numbered, but no replica
     * is updated until the returned handle is closed, as when new pods take their time to start.
     */
    public AutoCloseable holdRollouts(String namespace, String name) {
        held.add(namespace + "/" + name);
        return () -> {
            held.remove(namespace + "/" + name);
            reconcileNow(namespace, name);
        };
    }

    /**
     * Stops observing Deployment {@code name}: its new generations are neither rolled out nor reflected in its status
     * (status.observedGeneration stays behind metadata.generation) until the returned handle is closed, as when the
     * controller manager is down or lagging; closing it reconciles the Deployment at once.
     */
    public AutoCloseable stopObserving(String namespace, String name) {
        unobserved.add(namespace + "/" + name);
        return () -> {
            unobserved.remove(namespace + "/" + name);
            reconcileNow(namespace, name);
        };
    }

    /**
     * Keeps writing Deployment {@code name} every {@code period} with each of {@code kinds} until the returned handle
     * is closed: the writes a real cluster makes between a rollback's plan and its patch.
     */
    public AutoCloseable churn(String namespace, String name, Duration period, Churn... kinds) {
        ScheduledExecutorService churner =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sandbox-churn-" + name));
        AtomicLong round = new AtomicLong();
        churner.scheduleWithFixedDelay(() -> {
            try {
                churnOnce(namespace, name, round.incrementAndGet(), kinds);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "churn round failed", e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return churner::shutdownNow;
    }

    private synchronized void churnOnce(String namespace, String name, long round, Churn... kinds) {
        var resource = client.apps().deployments().inNamespace(namespace).withName(name);
        for (Churn kind : kinds) {
            switch (kind) {
                case STATUS -> resource.editStatus(d -> {
                    if (d.getStatus() != null && d.getStatus().getConditions() != null) {
                        String now = Instant.now().toString();
                        d.getStatus().getConditions().forEach(c -> c.setLastUpdateTime(now));
                    }
                    return d;
                });
                case SCALE -> reconcile(resource.edit(d -> {
                    d.getSpec().setReplicas(round % 2 == 0 ? 2 : 3);
                    return d;
                }));
                case LABEL -> resource.edit(d -> {
                    Map<String, String> labels = d.getMetadata().getLabels() == null
                            ? new HashMap<>() : new HashMap<>(d.getMetadata().getLabels());
                    labels.put(CHURN_LABEL, String.valueOf(round));
                    d.getMetadata().setLabels(labels);
                    return d;
                });
                default -> throw new IllegalArgumentException(kind.name());
            }
        }
    }

    /** Reconciles Deployment {@code name} now, observed or not. */
    public synchronized void reconcileNow(String namespace, String name) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment != null) {
            reconcile(deployment);
        }
    }

    private void reconcile(Deployment deployment) {
        String namespace = deployment.getMetadata().getNamespace();
        String name = deployment.getMetadata().getName();
        if (unobserved.contains(namespace + "/" + name)) {
            return;
        }
        int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            publishStatus(namespace, name, deployment.getMetadata().getGeneration(), replicas, false, true, false);
            return;
        }
        List<ReplicaSet> owned = new ArrayList<>(client.apps().replicaSets().inNamespace(namespace).list().getItems()
                .stream().filter(rs -> controlledBy(rs, deployment)).toList());
        long max = owned.stream().mapToLong(rs -> revisionOf(rs).orElse(0)).max().orElse(0);
        ReplicaSet current = owned.stream()
                .filter(rs -> DeploymentRevisions.sameTemplate(rs.getSpec().getTemplate(), deployment.getSpec().getTemplate()))
                .findFirst().orElse(null);
        long revision;
        boolean created = current == null;
        if (created) {
            revision = max + 1;
            // A paced rollout scales its new ReplicaSet up step by step, from none.
            current = createReplicaSet(deployment, revision, rollouts == null ? replicas : 0);
            owned.add(current);
        } else {
            long old = revisionOf(current).orElse(0);
            revision = old == max ? max : max + 1;
            if (revision != old) {
                renumber(current, old, revision);
            }
        }
        boolean holding = held.contains(namespace + "/" + name);
        if (rollouts != null) {
            annotateRevision(deployment, revision);
            if (rollouts.step(deployment, current, created, owned, holding, clock.instant())) {
                prune(deployment, owned, current);
            }
            return;
        }
        for (ReplicaSet rs : owned) {
            scale(rs, rs.getMetadata().getName().equals(current.getMetadata().getName()) ? replicas : 0);
        }
        prune(deployment, owned, current);
        annotateRevision(deployment, revision);
        boolean broken = !SimulatedVersion.of(deployment.getSpec().getTemplate()).becomesReady();
        publishStatus(namespace, name, deployment.getMetadata().getGeneration(), replicas, broken, false, holding);
    }

    private void annotateRevision(Deployment deployment, long revision) {
        String revisionText = String.valueOf(revision);
        if (!revisionText.equals(annotation(deployment, DeploymentRevisions.REVISION))) {
            client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                    .withName(deployment.getMetadata().getName()).edit(d -> {
                        Map<String, String> annotations = d.getMetadata().getAnnotations() == null
                                ? new HashMap<>() : new HashMap<>(d.getMetadata().getAnnotations());
                        annotations.put(DeploymentRevisions.REVISION, revisionText);
                        d.getMetadata().setAnnotations(annotations);
                        return d;
                    });
        }
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
                               boolean paused, boolean holding) {
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
        int updated = holding ? 0 : replicas;
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(generation)
                    .withReplicas(replicas).withUpdatedReplicas(updated)
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

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
