package dev.rewind.executor.strategy;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.helm.HelmManaged;
import dev.rewind.executor.helm.HelmManifest;
import dev.rewind.executor.helm.HelmReleases;
import dev.rewind.executor.helm.HelmRollback;
import dev.rewind.executor.helm.HelmRollbackPlan;
import dev.rewind.executor.helm.HelmStatus;
import dev.rewind.executor.helm.ManifestObject;
import dev.rewind.executor.helm.ReleaseObjects;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.KubernetesApi;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.TargetClusters;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The runbook's Method 2 with Helm: {@code helm rollback RELEASE [REVISION]} through the Kubernetes API, reading and
 * writing the release's Secrets as Helm does (see {@link HelmRollback}). The plan's revisions are the release's,
 * its template the Deployment's in the target revision's manifest; its annotations are those the target renders on
 * the Deployment, {@value HelmManifest#RELEASE_NAME} naming the release. The new revision carries this execution's
 * id, so that a restarted executor continues it instead of creating another; one made by someone else refuses.
 */
@Singleton
public class HelmStrategy implements RollbackStrategy {

    private static final Logger LOG = Logger.getLogger(HelmStrategy.class);

    private final DeploymentRollbacks rollbacks;
    private final TargetClusters clusters;
    private final KubernetesApi api;
    private final ExecutorConfig config;

    @Inject
    public HelmStrategy(DeploymentRollbacks rollbacks, TargetClusters clusters, KubernetesApi api,
                        ExecutorConfig config) {
        this.rollbacks = rollbacks;
        this.clusters = clusters;
        this.api = api;
        this.config = config;
    }

    @Override
    public RollbackMethod method() {
        return RollbackMethod.HELM;
    }

    @Override
    public UndoPlan plan(RollbackOrder order, ObservedDeployment observed) {
        Deployment deployment = observed.deployment();
        HelmManaged managed = HelmManaged.of(deployment);
        HelmRollback helm = rollback(observed.client(), managed);
        HelmRollbackPlan plan = helm.applicablePlan(order.toRevision());
        String name = deployment.getMetadata().getName();
        ManifestObject.Key key = new ManifestObject.Key("apps", "Deployment", managed.namespace(), name);
        ManifestObject target = helm.manifest(plan.target()).find(key).orElseThrow(() -> new MethodUnavailable(
                "revision " + plan.target().version() + " of release \"" + managed.release() + "\" renders no "
                        + "deployment " + name + ": helm rollback would not restore it"));
        var owned = HelmManifest.owned(target, managed.release(), managed.namespace());
        PodTemplateSpec template = observed.client().getKubernetesSerialization()
                .convertValue(owned.path("spec").path("template"), PodTemplateSpec.class);
        if (template == null || template.getSpec() == null) {
            throw new MethodUnavailable("revision " + plan.target().version() + " of release \"" + managed.release()
                    + "\" renders deployment " + name + " without a pod template");
        }
        Map<String, String> annotations = HelmManifest.stringMap(owned.path("metadata").path("annotations"));
        PodTemplateSpec current = deployment.getSpec().getTemplate();
        return new UndoPlan(managed.namespace(), name, plan.current().version(), plan.target().version(),
                DeploymentRevisions.versionOf(current), DeploymentRevisions.versionOf(template),
                deployment.getMetadata().getResourceVersion(), template, annotations, null, current, annotations,
                RollbackMethod.HELM, null, null, null);
    }

    /**
     * Records the new revision and applies its manifest; after a restart ({@code mayHaveBeenSent}) the revision this
     * execution recorded says how far it got, so it goes on from there and never records a second one.
     */
    @Override
    public void apply(RollbackOrder order, UndoPlan plan, boolean mayHaveBeenSent) {
        HelmManaged managed = managed(plan);
        HelmRollback helm = rollback(client(order), managed);
        long next = plan.fromRevision() + 1;
        HelmRollback.Progress progress = helm.progress(next, order.executionId());
        if (progress == HelmRollback.Progress.NOT_STARTED) {
            // Again right before the change: the plan may have been recorded before a restart.
            rollbacks.observe(order.target(), order.judged(), order.incidentNumber());
            HelmRollbackPlan again = helm.plan(plan.toRevision());
            if (again.current().version() != plan.fromRevision()) {
                throw new RollbackRefused("release \"" + managed.release() + "\" is at revision "
                        + again.current().version() + " (" + again.current().description() + "), not "
                        + plan.fromRevision() + " as when Rewind planned to roll it back: someone deployed "
                        + "meanwhile; not rolling back over their change");
            }
            // Helm's lock: creating fails when the version exists, and whose it is decides what follows.
            progress = helm.record(again, order.executionId()) ? HelmRollback.Progress.APPLYING
                    : helm.progress(next, order.executionId());
        } else {
            LOG.infof("release %s: revision %d was recorded by this execution before a restart (%s)",
                    managed.release(), next, progress);
        }
        if (progress == HelmRollback.Progress.APPLYING) {
            var applied = helm.apply(plan.fromRevision(), next);
            LOG.infof("release %s revision %d applied: created %s, patched %s, deleted %s, kept %s",
                    managed.release(), next, applied.created(), applied.patched(), applied.deleted(),
                    applied.kept());
        }
    }

    @Override
    public String applied(RollbackOrder order, UndoPlan plan) {
        return "release \"" + managed(plan).release() + "\" revision " + (plan.fromRevision() + 1) + " ("
                + HelmRollbackPlan.description(plan.toRevision()) + ") applied to deployment.apps/" + plan.name();
    }

    /**
     * Follows the rollout for the incident's time, then records its outcome as {@code helm rollback --wait} does: every
     * other deployed revision superseded and the new one deployed, or, when the rollout failed, the new one failed
     * ({@code Release "<name>" failed: <err>}). A stuck rollout stays stuck for the runner's one restart; the
     * revision is recorded failed all the same, as Helm would have left it.
     */
    @Override
    public RolloutStatus follow(RollbackOrder order, UndoPlan plan) {
        HelmManaged managed = managed(plan);
        HelmRollback helm = rollback(client(order), managed);
        long next = plan.fromRevision() + 1;
        RolloutStatus rollout = rollbacks.awaitRollout(order.target(), plan, order.rolloutTimeout());
        String release = "release \"" + managed.release() + "\" revision " + next;
        if (rollout.failed()) {
            HelmStatus recorded = helm.failed(next, rollout.message());
            return new RolloutStatus(true, true, rollout.message() + "; " + release + " is recorded "
                    + recorded.wire() + (recorded == HelmStatus.FAILED ? ", as 'helm rollback --wait' records it"
                    : ""), rollout.stuck());
        }
        HelmStatus status = helm.revision(next).map(s -> s.release().status()).orElse(HelmStatus.UNKNOWN);
        if (status == HelmStatus.FAILED) {
            return new RolloutStatus(true, true, release + " is recorded failed: " + helm.revision(next)
                    .map(s -> s.release().description()).orElse(""));
        }
        helm.deployed(next);
        return new RolloutStatus(true, false, release + " deployed (" + HelmRollbackPlan.description(
                plan.toRevision()) + "); " + rollout.message());
    }

    private HelmRollback rollback(KubernetesClient client, HelmManaged managed) {
        return new HelmRollback(new HelmReleases(api::call, client, managed.namespace()),
                new ReleaseObjects(api::call, client, config.conflictAttempts()), managed);
    }

    private KubernetesClient client(RollbackOrder order) {
        return clusters.client(clusters.environment(order.target()));
    }

    /** The release the plan is about, named in its annotations when planned. */
    private static HelmManaged managed(UndoPlan plan) {
        String release = plan.annotations() == null ? null : plan.annotations().get(HelmManifest.RELEASE_NAME);
        return new HelmManaged(Objects.requireNonNull(release, "a helm plan names its release"), plan.namespace());
    }
}
