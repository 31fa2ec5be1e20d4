package dev.rewind.executor.migration;

import dev.rewind.events.TargetKey;
import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.kubernetes.KubernetesApi;
import dev.rewind.executor.kubernetes.TargetClusters;
import dev.rewind.kubernetes.MigrationMark;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The runbook's "Database Migration Rollback": a release judged bad that carries a reversible migration gets its
 * migration rolled back by the configured Job before the application goes back, and the rollback waits for it; one
 * carrying an irreversible migration (or a reversible one without a configured Job) is never rolled back
 * automatically. The Job's name is fixed by the execution, so a restarted executor finds its Job instead of starting
 * a second one.
 */
@ApplicationScoped
public class MigrationRollback {

    private static final Logger LOG = Logger.getLogger(MigrationRollback.class);
    private static final int ALREADY_EXISTS = 409;

    private final TargetClusters clusters;
    private final KubernetesApi api;
    private final MigrationConfig config;

    @Inject
    public MigrationRollback(TargetClusters clusters, KubernetesApi api, MigrationConfig config) {
        this.clusters = clusters;
        this.api = api;
        this.config = config;
    }

    /**
     * Refuses the rollback of {@code deployment} (running the release judged bad) when its migration forbids an
     * automatic one; returns its mark otherwise.
     */
    public MigrationMark check(Deployment deployment) {
        String name = deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
        MigrationMark mark;
        try {
            mark = MigrationMark.of(deployment.getMetadata().getAnnotations());
        } catch (IllegalArgumentException e) {
            throw new RollbackRefused("deployment " + name + ": " + e.getMessage() + "; not rolling back "
                    + "automatically while its migration is unclear");
        }
        if (mark == MigrationMark.IRREVERSIBLE) {
            throw new RollbackRefused("deployment " + name + " runs a release with an irreversible database "
                    + "migration: rolling the application back over its schema is for people (runbook: Database "
                    + "Migration Rollback: check the migrations, restore from backup as a last resort)");
        }
        if (mark == MigrationMark.REVERSIBLE && config.templateFor(deployment.getMetadata().getName()).isEmpty()) {
            throw new RollbackRefused("deployment " + name + " runs a release with a reversible database migration "
                    + "but no migration-rollback Job is configured for it (rewind.executor.migration.job-template or "
                    + "rewind.executor.migration.job-templates." + deployment.getMetadata().getName() + "): not "
                    + "rolling the application back over its schema");
        }
        return mark;
    }

    /**
     * Runs the migration-rollback Job of execution {@code execution} for {@code deployment} if its release carries a
     * reversible migration, and waits for it; returns what happened, for the incident's timeline, or empty when there
     * was nothing to do.
     *
     * @throws RollbackRefused when the Job failed or outlived its timeout: the application is then not rolled back
     */
    public Optional<String> rollBack(TargetKey target, Deployment deployment, String fromVersion, String toVersion,
                                     String execution) {
        if (check(deployment) != MigrationMark.REVERSIBLE) {
            return Optional.empty();
        }
        KubernetesClient client = clusters.client(clusters.environment(target));
        Job job = MigrationJobs.fromTemplate(template(deployment.getMetadata().getName()), target.namespace(),
                target.service(), fromVersion, toVersion, execution);
        String name = job.getMetadata().getName();
        create(client, job, execution);
        Instant deadline = Instant.now().plus(config.timeout());
        while (true) {
            Job now = api.call(() -> client.batch().v1().jobs().inNamespace(target.namespace()).withName(name).get());
            Optional<MigrationJobs.Outcome> outcome = now == null ? Optional.empty() : MigrationJobs.outcome(now);
            if (outcome.isPresent()) {
                if (!outcome.get().succeeded()) {
                    throw new RollbackRefused("migration-rollback Job " + target.namespace() + "/" + name + " failed ("
                            + outcome.get().detail() + "): the application was not rolled back; the schema may be "
                            + "half rolled back: check the Job's logs, then restore by hand (runbook: Database "
                            + "Migration Rollback)");
                }
                return Optional.of("migration-rollback Job " + target.namespace() + "/" + name + " completed");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new RollbackRefused("migration-rollback Job " + target.namespace() + "/" + name + " still "
                        + "running after " + config.timeout() + ": the application was not rolled back; check the Job");
            }
            ExecutionInterrupted.pause(config.pollInterval());
        }
    }

    private void create(KubernetesClient client, Job job, String execution) {
        String namespace = job.getMetadata().getNamespace();
        String name = job.getMetadata().getName();
        try {
            api.call(() -> client.batch().v1().jobs().inNamespace(namespace).resource(job).create());
            LOG.infof("migration-rollback Job %s/%s created", namespace, name);
        } catch (KubernetesClientException e) {
            if (e.getCode() != ALREADY_EXISTS) {
                throw e;
            }
            Job existing = api.call(() -> client.batch().v1().jobs().inNamespace(namespace).withName(name).get());
            String owner = existing == null || existing.getMetadata().getLabels() == null ? null
                    : existing.getMetadata().getLabels().get(MigrationJobs.EXECUTION_LABEL);
            if (!execution.equals(owner)) {
                throw new RollbackRefused("a Job named " + namespace + "/" + name + " exists and is not this "
                        + "rollback's (label " + MigrationJobs.EXECUTION_LABEL + "=" + owner + "): not running the "
                        + "migration rollback; remove or rename it");
            }
            LOG.infof("migration-rollback Job %s/%s exists already: this execution created it before", namespace,
                    name);
        }
    }

    private String template(String deploymentName) {
        Path file = Path.of(config.templateFor(deploymentName).orElseThrow());
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new RollbackRefused("cannot read the migration-rollback Job template " + file + " (" + e + "): not "
                    + "rolling the application back over its schema");
        }
    }
}
