package dev.rewind.executor.gitops;

import dev.rewind.events.RollbackMethod;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The GitOps resource that applies a target's Deployment from Git (an Argo CD Application, a Flux Kustomization or
 * HelmRelease), with its sync policy as read when the rollback was planned.
 *
 * @param policy the sync policy in people's words, e.g. "automated sync with self-heal" or "suspended"
 * @param reconciles true when the controller applies Git again by itself (automated sync on, not suspended)
 */
public record GitOpsOwner(GitOpsKind kind, String namespace, String name, String policy, boolean reconciles) {

    /** The methods that change the cluster and not Git: a GitOps controller undoes them, and Git keeps the bad release. */
    public static final Set<RollbackMethod> IN_CLUSTER = Set.of(RollbackMethod.KUBECTL, RollbackMethod.HELM,
            RollbackMethod.REDEPLOY);

    /** The owner {@code resource} of kind {@code kind}, its policy read from its spec. */
    public static GitOpsOwner of(GitOpsKind kind, GenericKubernetesResource resource) {
        String namespace = resource.getMetadata().getNamespace();
        String name = resource.getMetadata().getName();
        if (kind == GitOpsKind.ARGO_CD_APPLICATION) {
            Map<String, Object> automated = resource.get("spec", "syncPolicy", "automated");
            if (automated == null) {
                return new GitOpsOwner(kind, namespace, name, "automated sync off", false);
            }
            if (Boolean.FALSE.equals(automated.get("enabled"))) {
                return new GitOpsOwner(kind, namespace, name, "automated sync disabled", false);
            }
            boolean selfHeal = Boolean.TRUE.equals(automated.get("selfHeal"));
            return new GitOpsOwner(kind, namespace, name, "automated sync " + (selfHeal ? "with" : "without")
                    + " self-heal", true);
        }
        if (Boolean.TRUE.equals(resource.get("spec", "suspend"))) {
            return new GitOpsOwner(kind, namespace, name, "suspended", false);
        }
        Object interval = resource.get("spec", "interval");
        String every = interval == null ? "reconciling" : "reconciling every " + interval;
        if (kind == GitOpsKind.FLUX_HELM_RELEASE) {
            Object drift = resource.get("spec", "driftDetection", "mode");
            every += ", drift detection " + (drift == null ? "disabled" : drift);
        }
        return new GitOpsOwner(kind, namespace, name, every, true);
    }

    /** How people name it: {@code Argo CD Application argocd/checkout (automated sync with self-heal)}. */
    public String describe() {
        return kind.title() + " " + namespace + "/" + name + " (" + policy + ")";
    }

    /**
     * Why {@code methods}, all of them {@link #IN_CLUSTER}, may not roll back {@code deployment}: the words a refusal
     * or a hand-over gives.
     */
    public String inClusterRefusal(String deployment, List<RollbackMethod> methods) {
        String names = methods.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        String undone = reconciles ? "its controller would set an in-cluster rollback (" + names + ") back to what Git "
                + "holds" : "an in-cluster rollback (" + names + ") would hold only until its next sync or resume";
        return "deployment " + deployment + " is managed by " + describe() + ": " + undone + ", and Git would still "
                + "name the faulty release; roll back in Git (revert the release's commit) and let it sync, or use "
                + "a rollback pipeline that does";
    }
}
