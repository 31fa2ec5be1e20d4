package dev.rewind.sandbox.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.sandbox.DaemonThreads;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stand-in for Argo CD's application controller and Flux's kustomize-controller: each Deployment a GitOps resource
 * owns (by the marks {@link GitOpsSetup} leaves) has a desired pod template, its state in Git, recorded when the
 * controller first sees it and moved by {@link #commit}. A Deployment that drifts from it is set back as the real
 * controllers do: Argo CD at once with automated sync and self-heal, and on a new commit with automated sync alone;
 * a Kustomization on every round unless suspended; a HelmRelease unless suspended when its drift detection is
 * {@code enabled}. Argo CD Applications get the status the executor reads (sync, health, resources, history).
 */
public final class SimulatedGitOpsController implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SimulatedGitOpsController.class.getName());

    private final KubernetesClient client;
    private final Clock clock;
    /** Per Deployment ({@code namespace/name}), the template Git holds and the revision that holds it. */
    private final Map<String, Desired> git = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("simulated-gitops-controller"));

    /** The pod template Git holds for a Deployment, at a revision; {@code synced} once applied since committed. */
    private record Desired(PodTemplateSpec template, String revision, boolean synced) {
    }

    public SimulatedGitOpsController(KubernetesClient client, Clock clock) {
        this.client = client;
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
     * Commits {@code template} as Deployment {@code namespace/name}'s state in Git (a release or a revert merged):
     * its controller applies it on its next round unless sync is off or suspended.
     */
    public void commit(String namespace, String name, PodTemplateSpec template) {
        git.put(namespace + "/" + name, new Desired(Serialization.clone(template), revisionAfter(
                git.get(namespace + "/" + name)), false));
    }

    /** The revision Git holds for Deployment {@code namespace/name}, once its controller has seen it. */
    public Optional<String> revision(String namespace, String name) {
        return Optional.ofNullable(git.get(namespace + "/" + name)).map(Desired::revision);
    }

    /** One round over every Deployment a GitOps resource owns: sets back drift where its controller would. */
    public synchronized void reconcileAll() {
        for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
            owner(deployment).ifPresent(owner -> reconcile(deployment, owner));
        }
    }

    private void reconcile(Deployment deployment, Owner owner) {
        String key = deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
        PodTemplateSpec live = deployment.getSpec().getTemplate();
        Desired desired = git.computeIfAbsent(key, k -> new Desired(Serialization.clone(live), revisionAfter(null),
                true));
        boolean drifted = !Serialization.asJson(live).equals(Serialization.asJson(desired.template()));
        if (drifted && owner.setsBack(desired.synced())) {
            client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                    .withName(deployment.getMetadata().getName()).edit(d -> {
                        d.getSpec().setTemplate(Serialization.clone(desired.template()));
                        return d;
                    });
            git.put(key, new Desired(desired.template(), desired.revision(), true));
            drifted = false;
            LOG.fine(() -> owner.kind().title() + " " + owner.name() + " set deployment " + key + " back to "
                    + desired.revision());
        } else if (!drifted && !desired.synced()) {
            git.put(key, new Desired(desired.template(), desired.revision(), true));
        }
        if (owner.kind() == GitOpsKind.ARGO_CD_APPLICATION) {
            ArgoStatus.write(client, owner.resource(), deployment, desired.revision(), drifted, clock.instant());
        }
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

    private static String revisionAfter(Desired previous) {
        long next = previous == null ? 1 : Long.parseLong(previous.revision().substring(32), 16) + 1;
        return "%032x%08x".formatted(0xfeedL, next);
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

        /** True when this controller sets a drifted Deployment back ({@code synced}: Git's state was applied). */
        boolean setsBack(boolean synced) {
            return switch (kind) {
                case ARGO_CD_APPLICATION -> {
                    Map<String, Object> automated = resource.get("spec", "syncPolicy", "automated");
                    boolean autoSync = automated != null && !Boolean.FALSE.equals(automated.get("enabled"));
                    yield autoSync && (!synced || Boolean.TRUE.equals(automated.get("selfHeal")));
                }
                case FLUX_KUSTOMIZATION -> !Boolean.TRUE.equals(resource.get("spec", "suspend"));
                case FLUX_HELM_RELEASE -> !Boolean.TRUE.equals(resource.get("spec", "suspend"))
                        && "enabled".equals(resource.get("spec", "driftDetection", "mode"));
            };
        }
    }
}
