package dev.rewind.executor.helm;

import dev.rewind.executor.domain.MethodUnavailable;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;

/**
 * The Helm release a Deployment belongs to, read from what Helm 3 puts on every object it applies: label
 * {@value HelmManifest#MANAGED_BY}=Helm and annotations {@value HelmManifest#RELEASE_NAME} /
 * {@value HelmManifest#RELEASE_NAMESPACE}.
 *
 * @param release the release name
 * @param namespace the release's namespace, where its Secrets are
 */
public record HelmManaged(String release, String namespace) {

    /**
     * The release of {@code deployment}.
     *
     * @throws MethodUnavailable when Helm does not manage it, or its release lives in another namespace
     */
    public static HelmManaged of(Deployment deployment) {
        var metadata = deployment.getMetadata();
        String name = metadata.getNamespace() + "/" + metadata.getName();
        Map<String, String> labels = metadata.getLabels() == null ? Map.of() : metadata.getLabels();
        Map<String, String> annotations = metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
        String release = annotations.get(HelmManifest.RELEASE_NAME);
        if (!"Helm".equals(labels.get(HelmManifest.MANAGED_BY)) || release == null || release.isBlank()) {
            throw new MethodUnavailable("deployment " + name + " is not managed by Helm (it needs the label "
                    + HelmManifest.MANAGED_BY + "=Helm and the annotation " + HelmManifest.RELEASE_NAME
                    + ", which Helm 3.2+ sets)");
        }
        String namespace = annotations.getOrDefault(HelmManifest.RELEASE_NAMESPACE, metadata.getNamespace());
        if (!namespace.equals(metadata.getNamespace())) {
            throw new MethodUnavailable("deployment " + name + " belongs to Helm release \"" + release + "\" of "
                    + "namespace " + namespace + ": Rewind reads release Secrets only in the deployment's namespace");
        }
        return new HelmManaged(release, namespace);
    }
}
