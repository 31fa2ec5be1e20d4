package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.deployment;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.sandbox.gitops.GitOpsSetup;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A target Argo CD or Flux applies from Git is never rolled back in the cluster, where its controller would set the
 * rollback back and Git would keep naming the faulty release: the executor refuses, naming the owner.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class GitOpsRollbackTest extends KafkaClientTest {

    @Test
    void refusesToUndoInTheClusterWhatASelfHealingArgoCdApplicationApplies() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        GitOpsSetup.argoCd(KubernetesSandboxResource.sandbox.client(), target.namespace(), target.service(),
                target.service(), true, true);
        UUID incident = UUID.randomUUID();

        RollbackFailed failed = outcome(kafka, target, command(target, incident), RollbackFailed.class);

        String deployment = target.namespace() + "/" + target.service();
        assertThat(failed.reason()).startsWith("no rollback method could roll back deployment " + deployment
                + " (kubectl,redeploy: deployment " + deployment + " is managed by Argo CD Application argocd/"
                + target.service() + " (automated sync with self-heal): its controller would set an in-cluster "
                + "rollback (kubectl, redeploy) back to what Git holds, and Git would still name the faulty release")
                .contains("; pipeline: ");
        assertThat(appliedPatches(target)).isZero();
        assertThat(versionOf(target)).isEqualTo("v1.3.0");
        RollbackStepCompleted chain = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, RollbackStepCompleted.class).and(r -> r.value().contains(incident.toString()))
                        .and(r -> r.value().contains("method-chain"))).value(), RollbackStepCompleted.class);
        assertThat(chain.detail()).contains("pipeline must roll it back through Git");
    }

    @Test
    void refusesAlsoWhileAFluxKustomizationIsSuspended() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        GitOpsSetup.flux(KubernetesSandboxResource.sandbox.client(), target.namespace(), target.service(),
                "flux-system", target.service(), true);

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        assertThat(failed.reason()).contains("is managed by Flux Kustomization flux-system/" + target.service()
                + " (suspended): an in-cluster rollback (kubectl, redeploy) would hold only until its next sync or "
                + "resume");
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void aDeploymentWithOnlyHelmsInstanceLabelIsNotTakenForArgoCds() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getMetadata().getLabels().put(GitOpsKind.ARGO_INSTANCE_LABEL, target.service());
                    return d;
                });

        outcome(kafka, target, command(target, UUID.randomUUID()), RollbackSucceeded.class);

        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    private static String versionOf(TargetKey target) {
        return DeploymentRevisions.versionOf(deployment(target).getSpec().getTemplate());
    }
}
