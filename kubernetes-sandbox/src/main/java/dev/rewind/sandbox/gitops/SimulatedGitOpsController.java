package dev.rewind.sandbox.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.sandbox.DaemonThreads;
import dev.rewind.sandbox.git.SandboxGit;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stand-in for Argo CD's application controller and Flux's kustomize- and helm-controller. Each Deployment a GitOps
 * resource owns (by the marks {@link GitOpsSetup} leaves) has a desired state: its manifest in the sandbox's Git at the
 * head of the branch its owner deploys from (its images applied to the live template); for a HelmRelease, the image
 * its values name once its Kustomization applied them from Git ({@link FluxHelmReleases}); for a source outside the
 * sandbox's Git, the template first seen. A Deployment that drifts from it is set back as the real controllers do:
 * Argo CD at once with automated sync and self-heal, and only for a new revision with automated sync alone; a
 * Kustomization on every round unless suspended; a HelmRelease, unless suspended, for a new generation, and on every
 * round when its drift detection is {@code enabled}. Owners get the status Rewind reads: an Application's sync
 * (status and revision), health, resources and history; a Kustomization's inventory, lastAppliedRevision
 * ({@code main@sha1:<id>}) and Ready condition; a HelmRelease's inventory, observedGeneration and Ready condition; a
 * GitRepository's fetched artifact (the head of its branch, fetched every round).
 */
public final class SimulatedGitOpsController implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SimulatedGitOpsController.class.getName());

    private static final int CONFLICT = 409;
    private static final int CONFLICT_ATTEMPTS = 5;

    private final KubernetesClient client;
    private final SandboxGit git;
    private final Clock clock;
    /** The revision standing for a template first seen, for a source outside the sandbox's Git. */
    private static final String ADOPTED = "0".repeat(39) + "1";

    /** Per Deployment ({@code namespace/name}) whose source is not the sandbox's Git: the template first seen. */
    private final Map<String, Desired> outsideGit = new ConcurrentHashMap<>();
    /** Per Deployment, the revision its controller last applied. */
    private final Map<String, String> applied = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("simulated-gitops-controller"));

    /** The pod template a Deployment should run, at a revision. */
    private record Desired(PodTemplateSpec template, String revision) {
    }

    public SimulatedGitOpsController(KubernetesClient client, SandboxGit git, Clock clock) {
        this.client = client;
        this.git = git;
        this.clock = clock;
    }

    /** Runs {@link #reconcileAll} every {@code periodMillis} until closed. */
    public SimulatedGitOpsController start(long periodMillis) {
        loop.scheduleWithFixedDelay(() -> {
            try {
                reconcileAll();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "GitOps reconcile round failed, retrying", e);
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * One round over every Deployment a GitOps resource owns: sets back drift where its controller would. The Flux
     * controllers act one after the other, as separate controllers do: a GitRepository's new commit is fetched at the
     * end of a round, applied to a HelmRelease in the next one, and rendered by it in the one after.
     */
    public synchronized void reconcileAll() {
        List<GenericKubernetesResource> repositories = client.genericKubernetesResources(
                GitOpsKind.FLUX_GIT_REPOSITORY.context()).inAnyNamespace().list().getItems();
        Map<String, String> fetched = new HashMap<>();
        for (GenericKubernetesResource repository : repositories) {
            String artifact = repository.get("status", "artifact", "revision");
            if (artifact != null) {
                fetched.put(repository.getMetadata().getNamespace() + "/" + repository.getMetadata().getName(),
                        artifact.substring(artifact.lastIndexOf(':') + 1));
            }
        }
        for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
            owner(deployment).ifPresent(owner -> reconcile(deployment, owner, fetched));
        }
        for (GenericKubernetesResource repository : repositories) {
            String branch = Objects.requireNonNullElse(repository.get("spec", "ref", "branch"), "main");
            GitOpsSource.repository(repository.get("spec", "url")).flatMap(r -> git.head(r, branch))
                    .ifPresent(head -> FluxStatus.writeArtifact(client, repository, branch, head));
        }
    }

    /**
     * Sets the Deployment back where its owner would; a HelmRelease renders the values it holds now, and only then
     * gets those its Kustomization applies from the commit {@code fetched} ({@code namespace/name} of a GitRepository
     * to the commit fetched in an earlier round).
     */
    private void reconcile(Deployment deployment, Owner owner, Map<String, String> fetched) {
        String key = deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
        PodTemplateSpec live = deployment.getSpec().getTemplate();
        Desired desired = fromGit(owner, deployment).orElseGet(() -> outsideGit.computeIfAbsent(key,
                k -> new Desired(Serialization.clone(live), ADOPTED)));
        applied.putIfAbsent(key, desired.revision());
        boolean drifted = !Serialization.asJson(live).equals(Serialization.asJson(desired.template()));
        if (drifted && owner.setsBack(desired.revision().equals(applied.get(key)))) {
            setTemplate(deployment, desired.template());
            drifted = false;
            LOG.fine(() -> owner.kind().title() + " " + owner.name() + " set deployment " + key + " to "
                    + desired.revision());
        }
        if (!drifted) {
            applied.put(key, desired.revision());
        }
        if (owner.kind() == GitOpsKind.ARGO_CD_APPLICATION) {
            ArgoStatus.write(client, owner.resource(), deployment, applied.get(key), drifted, clock.instant());
        } else if (owner.kind() == GitOpsKind.FLUX_KUSTOMIZATION) {
            FluxStatus.write(client, owner.resource(), FluxStatus.inventoryId(deployment.getMetadata().getNamespace(),
                    deployment.getMetadata().getName(), "apps", "Deployment"), applied.get(key), clock.instant());
        } else if (owner.kind() == GitOpsKind.FLUX_HELM_RELEASE) {
            if (!drifted && !owner.suspended()) {
                FluxStatus.writeHelmRelease(client, owner.resource(), deployment.getMetadata().getNamespace(),
                        deployment.getMetadata().getName(), clock.instant());
            }
            FluxHelmReleases.applyFromGit(client, git, owner.resource(), fetched, clock.instant());
        }
    }

    /**
     * Sets {@code deployment}'s pod template, read again and sent again when the API server answers 409 (the
     * Deployment controller wrote it meanwhile), as a controller's client retries on a conflict.
     */
    private void setTemplate(Deployment deployment, PodTemplateSpec template) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                        .withName(deployment.getMetadata().getName()).edit(d -> {
                            d.getSpec().setTemplate(Serialization.clone(template));
                            return d;
                        });
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Optional<Desired> fromGit(Owner owner, Deployment deployment) {
        if (owner.kind() == GitOpsKind.FLUX_HELM_RELEASE) {
            return FluxHelmReleases.rendered(owner.resource(), deployment.getSpec().getTemplate())
                    .map(template -> new Desired(template, FluxHelmReleases.revision(owner.resource())));
        }
        return GitOpsSource.of(client, owner.kind(), owner.resource()).flatMap(source -> git.head(source.repository(),
                        source.branch()).flatMap(head -> source.desired(git, head, deployment)
                        .map(template -> new Desired(template, head))));
    }

    private Optional<Owner> owner(Deployment deployment) {
        for (GitOpsKind kind : List.of(GitOpsKind.FLUX_HELM_RELEASE, GitOpsKind.FLUX_KUSTOMIZATION)) {
            Map<String, String> labels = deployment.getMetadata().getLabels();
            if (labels != null && labels.containsKey(kind.ownerNameLabel())) {
                return read(kind, labels.get(kind.ownerNamespaceLabel()), labels.get(kind.ownerNameLabel()));
            }
        }
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        String tracking = annotations == null ? null : annotations.get(GitOpsKind.ARGO_TRACKING_ID);
        if (tracking == null) {
            return Optional.empty();
        }
        String app = tracking.substring(0, tracking.indexOf(':'));
        int separator = app.indexOf('_');
        return separator < 0 ? read(GitOpsKind.ARGO_CD_APPLICATION, GitOpsSetup.ARGO_CD_NAMESPACE, app)
                : read(GitOpsKind.ARGO_CD_APPLICATION, app.substring(0, separator), app.substring(separator + 1));
    }

    private Optional<Owner> read(GitOpsKind kind, String namespace, String name) {
        return Optional.ofNullable(client.genericKubernetesResources(kind.context()).inNamespace(namespace)
                .withName(name).get()).map(resource -> new Owner(kind, resource));
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }

    /** The GitOps resource owning a Deployment, and whether it would set its drift back now. */
    private record Owner(GitOpsKind kind, GenericKubernetesResource resource) {

        String name() {
            return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
        }

        boolean suspended() {
            return Boolean.TRUE.equals(resource.get("spec", "suspend"));
        }

        /** True when this controller sets a drifted Deployment back ({@code applied}: its revision was applied). */
        boolean setsBack(boolean applied) {
            return switch (kind) {
                case ARGO_CD_APPLICATION -> {
                    Map<String, Object> automated = resource.get("spec", "syncPolicy", "automated");
                    boolean autoSync = automated != null && !Boolean.FALSE.equals(automated.get("enabled"));
                    yield autoSync && (!applied || Boolean.TRUE.equals(automated.get("selfHeal")));
                }
                case FLUX_KUSTOMIZATION -> !suspended();
                case FLUX_HELM_RELEASE -> !suspended() && (!applied
                        || "enabled".equals(resource.get("spec", "driftDetection", "mode")));
                case FLUX_GIT_REPOSITORY -> false;
            };
        }
    }
}
