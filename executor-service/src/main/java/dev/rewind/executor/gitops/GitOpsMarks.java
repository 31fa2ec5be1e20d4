package dev.rewind.executor.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Deployment's labels and annotations say about the GitOps resource that applies it: the marks Flux and Argo
 * CD leave on the objects they apply. Marks are claims, confirmed by reading the resource they name.
 */
public final class GitOpsMarks {

    private GitOpsMarks() {
    }

    /**
     * A GitOps resource a Deployment's marks name.
     *
     * @param strong true when only that controller leaves the mark (Flux's owner labels, Argo CD's tracking annotation
     *               naming this very object); false for the instance label, which Helm sets too
     */
    public record Claim(GitOpsKind kind, String namespace, String name, boolean strong) {
    }

    /**
     * The claims of Deployment {@code metadata}: Flux's HelmRelease labels before its Kustomization labels (a
     * HelmRelease's objects are rendered by it, not applied by the Kustomization that applied the HelmRelease), and
     * Argo CD's tracking annotation, or else its instance label {@code instanceLabel} naming an Application in
     * {@code argoNamespace}.
     */
    public static List<Claim> of(ObjectMeta metadata, String argoNamespace, String instanceLabel) {
        Map<String, String> labels = metadata.getLabels() == null ? Map.of() : metadata.getLabels();
        Map<String, String> annotations = metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
        List<Claim> claims = new ArrayList<>();
        for (GitOpsKind flux : List.of(GitOpsKind.FLUX_HELM_RELEASE, GitOpsKind.FLUX_KUSTOMIZATION)) {
            String name = labels.get(flux.ownerNameLabel());
            String namespace = labels.get(flux.ownerNamespaceLabel());
            if (name != null && !name.isBlank()) {
                claims.add(new Claim(flux, namespace == null || namespace.isBlank() ? metadata.getNamespace()
                        : namespace, name, true));
                break;
            }
        }
        String tracking = annotations.get(GitOpsKind.ARGO_TRACKING_ID);
        String self = ":apps/Deployment:" + metadata.getNamespace() + "/" + metadata.getName();
        if (tracking != null && tracking.endsWith(self) && tracking.length() > self.length()) {
            String app = tracking.substring(0, tracking.length() - self.length());
            int separator = app.indexOf('_');
            claims.add(separator < 0 ? new Claim(GitOpsKind.ARGO_CD_APPLICATION, argoNamespace, app, true)
                    : new Claim(GitOpsKind.ARGO_CD_APPLICATION, app.substring(0, separator),
                    app.substring(separator + 1), true));
        } else if (labels.get(instanceLabel) != null && !labels.get(instanceLabel).isBlank()) {
            claims.add(new Claim(GitOpsKind.ARGO_CD_APPLICATION, argoNamespace, labels.get(instanceLabel), false));
        }
        return claims;
    }
}
