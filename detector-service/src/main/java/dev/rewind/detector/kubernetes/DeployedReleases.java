package dev.rewind.detector.kubernetes;

import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.kubernetes.ClusterClients;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.KubernetesFailures;
import dev.rewind.platform.environment.Environment;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads, when the detector decides, which release the target's Deployment runs, from the cluster of the target's
 * configured environment. A rollback request names that release, so the executor can refuse once it no longer runs.
 * A cluster that does not answer within a few retries is not waited on: the decision goes to people instead.
 */
@ApplicationScoped
public class DeployedReleases {

    private static final Logger LOG = Logger.getLogger(DeployedReleases.class);

    private final ClusterClients clusters;
    private final Guard briefRetries = Guard.create()
            .withDescription("read the target's Deployment")
            .withRetry().maxRetries(3).delay(300, ChronoUnit.MILLIS).jitter(100, ChronoUnit.MILLIS)
            .withExponentialBackoff().maxDelay(2, ChronoUnit.SECONDS).done()
            .whenException(KubernetesFailures::isTransient).done()
            .build();

    @Inject
    public DeployedReleases(ClusterClients clusters) {
        this.clusters = clusters;
    }

    /** The release {@code target} runs in {@code environment}, or why there is none Rewind may roll back. */
    public ReleaseLookup lookup(TargetKey target, Environment environment) {
        Deployment deployment;
        try {
            deployment = briefRetries.get(() -> clusters.client(environment.context()).apps().deployments()
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
        return new ReleaseLookup.Running(DeploymentRevisions.releaseOf(deployment));
    }
}
