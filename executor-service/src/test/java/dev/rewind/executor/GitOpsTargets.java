package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.deployment;
import static dev.rewind.platform.testing.PublishedEvents.about;

import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.sandbox.git.SandboxGit;
import dev.rewind.sandbox.gitops.GitOpsSetup;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.UUID;

/** Targets Argo CD or Flux apply from the sandbox's Git, and what the GitOps tests read of them. */
final class GitOpsTargets {

    private GitOpsTargets() {
    }

    /** The target deployed by a self-healing Application, as Argo CD has synced it (its status lists it). */
    static void managedByArgoCd(TargetKey target) {
        GitOpsSetup.argoCd(sandbox().client(), sandbox().git(), target.namespace(), target.service(),
                target.service(), true, true);
        sandbox().gitOps().reconcileAll();
    }

    /** The target applied by a Kustomization, as Flux has reconciled it (its inventory lists it). */
    static void managedByFlux(TargetKey target, boolean suspended) {
        GitOpsSetup.flux(sandbox().client(), sandbox().git(), target.namespace(), target.service(), "flux-system",
                target.service(), suspended);
        sandbox().gitOps().reconcileAll();
    }

    /**
     * The target rendered by a HelmRelease whose values name its image, applied by a Kustomization from Git, as Flux
     * has reconciled both (their inventories list it); correcting drift when {@code driftDetection}.
     */
    static void managedByFluxHelmRelease(TargetKey target, boolean driftDetection) {
        GitOpsSetup.fluxHelmRelease(sandbox().client(), sandbox().git(), target.namespace(), target.service(),
                driftDetection);
        sandbox().gitOps().reconcileAll();
        sandbox().gitOps().reconcileAll(); // the commit fetched in the first round is applied in the second
    }

    /** The step {@code step} of the incident's rollback, once published. */
    static RollbackStepCompleted step(TestKafka kafka, TargetKey target, UUID incident, String step) {
        return EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, RollbackStepCompleted.class).and(r -> r.value().contains(incident.toString()))
                        .and(r -> r.value().contains("\"" + step + "\""))).value(), RollbackStepCompleted.class);
    }

    /** The merge commit a {@code git-change-merged} step names. */
    static String mergeOf(RollbackStepCompleted merged) {
        return merged.detail().substring(merged.detail().lastIndexOf(' ') + 1);
    }

    static KubernetesSandbox sandbox() {
        return KubernetesSandboxResource.sandbox;
    }

    static SandboxGit git() {
        return sandbox().git();
    }

    /** The target's manifest on the GitOps repository's main branch. */
    static String manifest(TargetKey target) {
        return git().files(GitOpsSetup.REPOSITORY, "main").orElseThrow()
                .get(GitOpsSetup.manifestPath(target.namespace(), target.service()));
    }

    /** The HelmRelease of {@code target} as committed on the GitOps repository's main branch. */
    static String helmReleaseManifest(TargetKey target) {
        return git().files(GitOpsSetup.REPOSITORY, "main").orElseThrow()
                .get(GitOpsSetup.helmReleasePath(target.namespace(), target.service()));
    }

    /** The HelmRelease of {@code target} ({@link #managedByFluxHelmRelease}). */
    static GenericKubernetesResource helmRelease(TargetKey target) {
        return owner(GitOpsKind.FLUX_HELM_RELEASE, GitOpsSetup.FLUX_NAMESPACE, target.service());
    }

    /** The Kustomization applying the HelmRelease of {@code target} ({@link #managedByFluxHelmRelease}). */
    static GenericKubernetesResource helmReleaseKustomization(TargetKey target) {
        return owner(GitOpsKind.FLUX_KUSTOMIZATION, GitOpsSetup.FLUX_NAMESPACE, target.service() + "-release");
    }

    /** The Application of {@code target} ({@link #managedByArgoCd}). */
    static GenericKubernetesResource application(TargetKey target) {
        return owner(GitOpsKind.ARGO_CD_APPLICATION, GitOpsSetup.ARGO_CD_NAMESPACE, target.service());
    }

    /** The Kustomization of {@code target} ({@link #managedByFlux}). */
    static GenericKubernetesResource kustomization(TargetKey target) {
        return owner(GitOpsKind.FLUX_KUSTOMIZATION, "flux-system", target.service());
    }

    static String versionOf(TargetKey target) {
        return DeploymentRevisions.versionOf(deployment(target).getSpec().getTemplate());
    }

    private static GenericKubernetesResource owner(GitOpsKind kind, String namespace, String name) {
        return sandbox().client().genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name)
                .get();
    }
}
