package dev.rewind.detector.kubernetes;

import dev.rewind.detector.config.DetectorConfig;
import dev.rewind.detector.domain.DeploymentFacts;
import dev.rewind.detector.domain.ReturnTarget;
import dev.rewind.events.Release;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.kubernetes.ClusterClients;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.KubernetesFailures;
import dev.rewind.kubernetes.MigrationMark;
import dev.rewind.kubernetes.Revision;
import dev.rewind.platform.environment.Environment;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reads, when the detector decides, which release the target's Deployment runs, from the cluster of the target's
 * configured environment. A rollback request names that release, so the executor can refuse once it no longer runs,
 * with who deployed it and the release a rollback would return to, for approvers. A cluster that does not answer
 * within a few retries is not waited on: the decision goes to people instead.
 */
@ApplicationScoped
public class DeployedReleases {

    private static final Logger LOG = Logger.getLogger(DeployedReleases.class);
    /** Longer values are not a person's name: a request must stay small, whatever a Deployment carries. */
    static final int MAX_DEPLOYED_BY_LENGTH = 256;

    private final ClusterClients clusters;
    private final String deployedByAnnotation;
    private final Guard briefRetries = Guard.create()
            .withDescription("read the target's Deployment")
            .withRetry().maxRetries(3).delay(300, ChronoUnit.MILLIS).jitter(100, ChronoUnit.MILLIS)
            .withExponentialBackoff().maxDelay(2, ChronoUnit.SECONDS).done()
            .whenException(KubernetesFailures::isTransient).done()
            .build();

    private final ExecutorService readers;

    @Inject
    public DeployedReleases(ClusterClients clusters, DetectorConfig config) {
        this.clusters = clusters;
        this.deployedByAnnotation = config.deployedByAnnotation();
        if (config.clusterReads() < 1) {
            throw new IllegalArgumentException("rewind.detector.cluster-reads must be at least 1, not "
                    + config.clusterReads());
        }
        AtomicInteger threads = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(config.clusterReads(), task -> {
            Thread thread = new Thread(task, "rewind-cluster-read-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    /**
     * What each of {@code targets} runs, as {@link #lookup} reads it, read in parallel (up to
     * {@code rewind.detector.cluster-reads} at once).
     *
     * @param environments the configured environment of each target
     * @param blocked the image maps of the releases Rewind rolled each target back from; absent means none
     */
    public Map<TargetKey, ReleaseLookup> lookupAll(Map<TargetKey, Environment> environments,
                                                   Map<TargetKey, Set<Map<String, String>>> blocked) {
        Map<TargetKey, CompletableFuture<ReleaseLookup>> reads = new LinkedHashMap<>();
        environments.forEach((target, environment) -> reads.put(target, CompletableFuture.supplyAsync(
                () -> lookup(target, environment, blocked.getOrDefault(target, Set.of())), readers)));
        Map<TargetKey, ReleaseLookup> lookups = new LinkedHashMap<>();
        reads.forEach((target, read) -> lookups.put(target, read.join()));
        return lookups;
    }

    /**
     * The release {@code target} runs in {@code environment}, or why there is none Rewind may roll back.
     *
     * @param blocked the image maps of the releases Rewind rolled this target back from: never returned to
     */
    public ReleaseLookup lookup(TargetKey target, Environment environment, Set<Map<String, String>> blocked) {
        KubernetesClient client;
        Deployment deployment;
        try {
            client = clusters.client(environment.context());
            deployment = briefRetries.get(() -> client.apps().deployments()
                    .inNamespace(target.namespace()).withName(target.service()).get(), Deployment.class);
        } catch (RuntimeException e) {
            LOG.warnf("cannot read deployment %s/%s of environment %s: %s", target.namespace(), target.service(),
                    environment.name(), e.toString());
            return new ReleaseLookup.Refused(DeclineReason.NEEDS_HUMAN, "could not read deployment "
                    + target.namespace() + "/" + target.service() + " from the " + environment.name()
                    + " cluster (" + e.getMessage() + "); Rewind does not roll back what it cannot see: decide by hand");
        }
        if (deployment == null) {
            return new ReleaseLookup.Refused(DeclineReason.NEEDS_HUMAN, "deployment " + target.namespace() + "/"
                    + target.service() + " not found in the " + environment.name() + " cluster: nothing Rewind can "
                    + "roll back; check the alert's service label");
        }
        Optional<String> notOurs = environment.labelRefusal(target.namespace() + "/" + target.service(),
                deployment.getMetadata().getLabels());
        if (notOurs.isPresent()) {
            return new ReleaseLookup.Refused(DeclineReason.TARGET_NOT_CONFIGURED, notOurs.get());
        }
        MigrationMark migration;
        try {
            migration = MigrationMark.of(deployment.getMetadata().getAnnotations());
        } catch (IllegalArgumentException e) {
            return new ReleaseLookup.Refused(DeclineReason.NEEDS_HUMAN, "deployment " + target.namespace() + "/"
                    + target.service() + ": " + e.getMessage() + "; Rewind does not guess about a schema: fix the "
                    + "annotation, or decide by hand");
        }
        Release running = DeploymentRevisions.releaseOf(deployment);
        List<Revision> history = history(client, target, deployment);
        ReturnTarget returnTo = history == null ? new ReturnTarget(null, false, List.of())
                : ReturnTarget.choose(history.stream().map(Revision::release).toList(), blocked);
        if (returnTo.everyEarlierReleaseBlocked()) {
            return new ReleaseLookup.Refused(DeclineReason.BLOCKED_VERSION, "every earlier revision of deployment "
                    + target.namespace() + "/" + target.service() + " runs a release Rewind rolled it back from ("
                    + returnTo.skipped().stream().map(Release::toString).collect(Collectors.joining("; "))
                    + "): no release left to return to automatically; fix forward, or roll back by hand to a "
                    + "version you choose");
        }
        Release rollbackTo = returnTo.release();
        Integer toRevision = returnTo.explicit() && rollbackTo != null ? Math.toIntExact(rollbackTo.revision())
                : null;
        DeploymentFacts facts = new DeploymentFacts(deployedAt(history, running.revision()), migration,
                "true".equalsIgnoreCase(annotation(deployment, DeploymentFacts.DATA_LOSS_RISK)));
        return new ReleaseLookup.Running(running, rollbackTo, toRevision, deployedBy(deployment,
                deployedByAnnotation), facts);
    }

    /**
     * The Deployment's revisions, listed as kubectl lists them (its whole label selector, then the ReplicaSets it
     * controls): the release to return to and the deploy time are evidence and guard input, so a failure to read them
     * only leaves them out (null).
     */
    private List<Revision> history(KubernetesClient client, TargetKey target, Deployment deployment) {
        try {
            @SuppressWarnings("unchecked")
            List<ReplicaSet> replicaSets = briefRetries.get(() -> DeploymentRevisions.replicaSetsOf(client,
                    deployment), List.class);
            return DeploymentRevisions.history(deployment, replicaSets);
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the replica sets of deployment %s/%s (%s): the request names no release to "
                    + "return to and no deploy time; check the detector's Role allows list on replicasets",
                    target.namespace(), target.service(), e.toString());
            return null;
        }
    }

    /**
     * When the running revision was rolled out: its ReplicaSet's creation. A revision that reuses an older ReplicaSet
     * (a rollback) keeps that ReplicaSet's time, so it reads as old: the recent-deploy guard then declines, the safe
     * side. Null when it cannot be told.
     */
    static Instant deployedAt(List<Revision> history, long revision) {
        if (history == null) {
            return null;
        }
        return history.stream().filter(candidate -> candidate.number() == revision)
                .map(candidate -> candidate.replicaSet().getMetadata().getCreationTimestamp())
                .map(DeployedReleases::instant).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String annotation(Deployment deployment, String name) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(name);
    }

    /** Who deployed what the Deployment runs, from {@code annotation}; null when absent, blank or implausibly long. */
    static String deployedBy(Deployment deployment, String annotation) {
        String value = annotation(deployment, annotation);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_DEPLOYED_BY_LENGTH) {
            LOG.warnf("deployment %s/%s: annotation %s is %d characters long, more than a user name's %d; ignored",
                    deployment.getMetadata().getNamespace(), deployment.getMetadata().getName(), annotation,
                    value.length(), MAX_DEPLOYED_BY_LENGTH);
            return null;
        }
        return value.strip();
    }
}
