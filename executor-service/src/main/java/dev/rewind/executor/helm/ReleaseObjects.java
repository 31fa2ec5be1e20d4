package dev.rewind.executor.helm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The objects of a release in the cluster, changed as Helm's {@code kube.Client.Update} changes them from one
 * revision's manifest to another's: each object of the target created when absent, patched when present (see
 * {@link ManifestPatch} for the patch semantics), in the manifest's order; then each object of the current manifest
 * that the target lacks deleted (background propagation) unless annotated {@code helm.sh/resource-policy: keep}.
 * Every object gets Helm's ownership label and annotations. Running it again after an interruption finds what it
 * already did and does the rest.
 */
public final class ReleaseObjects {

    /** Applying the target manifest failed; the message is Helm's words. */
    public static final class ApplyFailed extends RuntimeException {

        ApplyFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What one application did, for people. */
    public record Applied(List<String> created, List<String> patched, List<String> deleted, List<String> kept) {
    }

    private static final Logger LOG = Logger.getLogger(ReleaseObjects.class);
    private static final int CONFLICT = 409;

    private final ApiCalls api;
    private final KubernetesClient client;
    private final int conflictAttempts;

    public ReleaseObjects(ApiCalls api, KubernetesClient client, int conflictAttempts) {
        this.api = api;
        this.client = client;
        this.conflictAttempts = conflictAttempts;
    }

    /**
     * Why the target manifest cannot be applied by Rewind, or empty: an object outside the release's namespace (the
     * executor's Role is namespaced), or one that exists but neither the current revision renders nor the release
     * owns (Helm's {@code no <Kind> with the name "<name>" found}).
     */
    public Optional<String> obstacle(HelmManifest current, HelmManifest target, String release, String namespace) {
        for (ManifestObject object : target.objects()) {
            HasMetadata typed = typed(HelmManifest.owned(object, release, namespace));
            if (!(typed instanceof Namespaced) && !(typed instanceof GenericKubernetesResource)) {
                return Optional.of("the release renders cluster-scoped " + object.kind() + " " + object.name()
                        + ", which Rewind's helm method does not write (its Role is namespaced)");
            }
            if (!object.key().namespace().equals(namespace)) {
                return Optional.of("the release renders " + object.key() + " outside its namespace " + namespace
                        + ", which Rewind's helm method does not write");
            }
            if (current.find(object.key()).isEmpty()) {
                HasMetadata live = get(typed, namespace);
                if (live != null && !ownedBy(live, release, namespace)) {
                    return Optional.of(notFound(object));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Takes the release's objects from {@code current}'s manifest to {@code target}'s.
     *
     * @throws ApplyFailed in Helm's words when an object cannot be created or patched
     */
    public Applied apply(HelmManifest current, HelmManifest target, String release, String namespace) {
        Applied applied = new Applied(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (ManifestObject object : target.objects()) {
            ObjectNode wanted = HelmManifest.owned(object, release, namespace);
            HasMetadata typed = typed(wanted);
            HasMetadata live = get(typed, namespace);
            if (live == null) {
                create(object, typed, namespace);
                applied.created().add(object.key().toString());
                continue;
            }
            Optional<ManifestObject> rendered = current.find(object.key());
            if (rendered.isEmpty() && !ownedBy(live, release, namespace)) {
                // Helm's guard against taking over an object it did not make; one this release owns is its own,
                // created by an earlier, interrupted run of this rollback.
                throw new ApplyFailed(notFound(object), null);
            }
            if (patch(object, rendered.map(o -> HelmManifest.owned(o, release, namespace)).orElse(null), wanted,
                    typed, live, namespace)) {
                applied.patched().add(object.key().toString());
            }
        }
        for (ManifestObject object : current.missingFrom(target)) {
            HasMetadata typed = typed(HelmManifest.owned(object, release, namespace));
            HasMetadata live = get(typed, namespace);
            if (live == null) {
                continue;
            }
            Map<String, String> annotations = live.getMetadata().getAnnotations();
            if (annotations != null && "keep".equals(annotations.get(HelmManifest.RESOURCE_POLICY))) {
                applied.kept().add(object.key().toString());
                continue;
            }
            try {
                api.call(() -> client.resource(typed).inNamespace(namespace)
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete());
                applied.deleted().add(object.key().toString());
            } catch (KubernetesClientException e) {
                // As Helm: a failed delete is logged, not a failed rollback.
                LOG.warnf("Failed to delete %s, err: %s", object.key(), e.getMessage());
            }
        }
        return applied;
    }

    private void create(ManifestObject object, HasMetadata typed, String namespace) {
        try {
            api.call(() -> client.resource(typed).inNamespace(namespace).create());
        } catch (KubernetesClientException e) {
            throw new ApplyFailed("failed to create resource: " + e.getMessage(), e);
        }
        LOG.infof("Created a new %s called \"%s\" in %s", object.kind(), object.name(), namespace);
    }

    /** Patches {@code live} towards {@code wanted}; false when it already matched. */
    private boolean patch(ManifestObject object, ObjectNode rendered, ObjectNode wanted, HasMetadata typed,
                          HasMetadata live, String namespace) {
        HasMetadata now = live;
        for (int attempt = 1; ; attempt++) {
            Optional<String> patch = ManifestPatch.of(rendered, wanted, tree(now));
            if (patch.isEmpty()) {
                return attempt > 1;
            }
            try {
                api.call(() -> client.resource(typed).inNamespace(namespace)
                        .patch(PatchContext.of(PatchType.JSON), patch.get()));
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT || attempt >= conflictAttempts) {
                    throw new ApplyFailed("cannot patch \"" + object.name() + "\" with kind " + object.kind() + ": "
                            + e.getMessage(), e);
                }
                now = get(typed, namespace);
                if (now == null) {
                    throw new ApplyFailed("cannot patch \"" + object.name() + "\" with kind " + object.kind()
                            + ": it was deleted meanwhile", e);
                }
            }
        }
    }

    private HasMetadata get(HasMetadata typed, String namespace) {
        return api.call(() -> client.resource(typed).inNamespace(namespace).get());
    }

    private HasMetadata typed(ObjectNode json) {
        return client.getKubernetesSerialization().unmarshal(json.toString());
    }

    private ObjectNode tree(HasMetadata object) {
        return client.getKubernetesSerialization().convertValue(object, ObjectNode.class);
    }

    private static boolean ownedBy(HasMetadata live, String release, String namespace) {
        Map<String, String> annotations = live.getMetadata().getAnnotations();
        return annotations != null && release.equals(annotations.get(HelmManifest.RELEASE_NAME))
                && namespace.equals(annotations.get(HelmManifest.RELEASE_NAMESPACE));
    }

    private static String notFound(ManifestObject object) {
        return "no " + object.kind() + " with the name \"" + object.name() + "\" found";
    }
}
