package dev.rewind.executor.gitops;

import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.gitops.GitOpsMarks.Claim;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settles which GitOps resource, if any, applies a Deployment, from its marks' claims and the resources they name.
 * A claim counts when its resource exists; a weak one (the instance label) only when the Application lists the
 * Deployment among its resources. A strong claim whose resource cannot be read leaves the owner unknown, and two
 * owners are ambiguous: both refuse, since an in-cluster rollback may then be fought. The rest is said as warnings.
 *
 * @param owner the owner, or null when no GitOps resource applies the Deployment
 * @param warnings what people should know or fix (a mark naming nothing, a resource Rewind may not read)
 */
public record GitOpsOwnership(GitOpsOwner owner, List<String> warnings) {

    public GitOpsOwnership {
        warnings = List.copyOf(warnings);
    }

    /** No GitOps resource applies the Deployment. */
    public static final GitOpsOwnership NONE = new GitOpsOwnership(null, List.of());

    /** How a claimed resource was found. */
    public sealed interface Lookup {
    }

    /** The resource exists. */
    public record Found(GenericKubernetesResource resource) implements Lookup {
    }

    /** No such resource (or its kind is not installed). */
    public record Missing() implements Lookup {
    }

    /** The API would not say (forbidden), in its words. */
    public record Unreadable(String reason) implements Lookup {
    }

    /** Reads a claimed resource. */
    @FunctionalInterface
    public interface Resources {
        Lookup read(GitOpsKind kind, String namespace, String name);
    }

    public Optional<GitOpsOwner> ownerIfAny() {
        return Optional.ofNullable(owner);
    }

    /**
     * The owner of Deployment {@code namespace/name}, whose marks made {@code claims}.
     *
     * @throws RollbackRefused when the owner is unknown (a strong claim unreadable) or ambiguous (two owners)
     */
    public static GitOpsOwnership settle(String namespace, String name, List<Claim> claims, Resources resources) {
        String deployment = namespace + "/" + name;
        List<GitOpsOwner> owners = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Claim claim : claims) {
            String named = claim.kind().title() + " " + claim.namespace() + "/" + claim.name();
            Lookup lookup = resources.read(claim.kind(), claim.namespace(), claim.name());
            if (lookup instanceof Unreadable unreadable) {
                if (claim.strong()) {
                    throw new RollbackRefused("cannot tell whether " + named + " manages deployment " + deployment
                            + " (its marks say so): " + unreadable.reason() + "; not rolling back in the cluster, which "
                            + "a GitOps controller may undo. Grant the executor read access to " + claim.kind().plural()
                            + "." + claim.kind().group() + " (k8s/components/gitops)");
                }
                warnings.add("could not check whether " + named + " manages deployment " + deployment + " (label "
                        + "only): " + unreadable.reason());
            } else if (lookup instanceof Missing) {
                if (claim.strong()) {
                    warnings.add("deployment " + deployment + " is marked as applied by " + named + ", which does "
                            + "not exist: not GitOps-managed");
                }
            } else if (lookup instanceof Found found && (claim.strong() || lists(found.resource(), namespace, name))) {
                owners.add(GitOpsOwner.of(claim.kind(), found.resource()));
            }
        }
        if (owners.size() > 1) {
            throw new RollbackRefused("deployment " + deployment + " is claimed by " + owners.stream()
                    .map(GitOpsOwner::describe).collect(Collectors.joining(" and ")) + "; not rolling back in the "
                    + "cluster while two GitOps controllers may fight over it");
        }
        return new GitOpsOwnership(owners.isEmpty() ? null : owners.get(0), warnings);
    }

    /**
     * True when {@code owner} itself lists Deployment {@code namespace/name} among what it applies: an Application's
     * {@code status.resources}, a Flux resource's {@code status.inventory.entries} ({@code <ns>_<name>_apps_Deployment}).
     * Marks on a Deployment can be written by anyone who may edit it; this is the owner's own word.
     */
    public static boolean confirms(GitOpsKind kind, GenericKubernetesResource owner, String namespace, String name) {
        if (kind == GitOpsKind.ARGO_CD_APPLICATION) {
            return lists(owner, namespace, name);
        }
        List<Map<String, Object>> entries = owner.get("status", "inventory", "entries");
        String id = namespace + "_" + name + "_apps_Deployment";
        return entries != null && entries.stream().anyMatch(entry -> id.equals(entry.get("id")));
    }

    /** True when Kustomization {@code kustomization} lists {@code object} in its inventory, as Flux ids it. */
    static boolean lists(GenericKubernetesResource kustomization, GenericKubernetesResource object) {
        List<Map<String, Object>> entries = kustomization.get("status", "inventory", "entries");
        String group = object.getApiVersion() == null || !object.getApiVersion().contains("/") ? ""
                : object.getApiVersion().substring(0, object.getApiVersion().indexOf('/'));
        String id = object.getMetadata().getNamespace() + "_" + object.getMetadata().getName() + "_" + group + "_"
                + object.getKind();
        return entries != null && entries.stream().anyMatch(entry -> id.equals(entry.get("id")));
    }

    /** True when Application {@code application} lists Deployment {@code namespace/name} among its resources. */
    static boolean lists(GenericKubernetesResource application, String namespace, String name) {
        List<Map<String, Object>> resources = application.get("status", "resources");
        return resources != null && resources.stream().anyMatch(r -> "apps".equals(r.get("group"))
                && "Deployment".equals(r.get("kind")) && Objects.equals(namespace, r.get("namespace"))
                && Objects.equals(name, r.get("name")));
    }
}
