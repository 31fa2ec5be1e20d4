package dev.rewind.kubernetes.gitops;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The GitOps controllers' resources, as their CRDs declare them: those that own a Deployment (Argo CD v1alpha1
 * Application, Flux kustomize-controller v1 Kustomization, Flux helm-controller v2 HelmRelease), with the marks each
 * controller leaves on the objects it applies, and the Flux GitRepository a Kustomization deploys from.
 */
public enum GitOpsKind {

    /** Argo CD: tracked by annotation {@value #ARGO_TRACKING_ID} or by the instance label; no status subresource. */
    ARGO_CD_APPLICATION("Argo CD Application", "argoproj.io", "v1alpha1", "Application", "applications", false,
            null),
    /** Flux: stamps {@code kustomize.toolkit.fluxcd.io/name} and {@code /namespace} on what it applies. */
    FLUX_KUSTOMIZATION("Flux Kustomization", "kustomize.toolkit.fluxcd.io", "v1", "Kustomization", "kustomizations",
            true, "kustomize.toolkit.fluxcd.io"),
    /** Flux: stamps {@code helm.toolkit.fluxcd.io/name} and {@code /namespace} on what it renders. */
    FLUX_HELM_RELEASE("Flux HelmRelease", "helm.toolkit.fluxcd.io", "v2", "HelmRelease", "helmreleases", true,
            "helm.toolkit.fluxcd.io"),
    /** Flux: the Git repository a Kustomization's {@code sourceRef} names (url, branch); owns nothing itself. */
    FLUX_GIT_REPOSITORY("Flux GitRepository", "source.toolkit.fluxcd.io", "v1", "GitRepository", "gitrepositories",
            true, null);

    /** Argo CD's tracking annotation: {@code <app>:<group>/<kind>:<namespace>/<name>}, app {@code <appNs>_<name>}. */
    public static final String ARGO_TRACKING_ID = "argocd.argoproj.io/tracking-id";

    /** Argo CD's default instance label (argocd-cm {@code application.instanceLabelKey}); Helm sets it too. */
    public static final String ARGO_INSTANCE_LABEL = "app.kubernetes.io/instance";

    private final String title;
    private final String group;
    private final String version;
    private final String kind;
    private final String plural;
    private final boolean statusSubresource;
    private final String ownerLabelPrefix;

    GitOpsKind(String title, String group, String version, String kind, String plural, boolean statusSubresource,
               String ownerLabelPrefix) {
        this.title = title;
        this.group = group;
        this.version = version;
        this.kind = kind;
        this.plural = plural;
        this.statusSubresource = statusSubresource;
        this.ownerLabelPrefix = ownerLabelPrefix;
    }

    /** How people name it: {@code Argo CD Application}. */
    public String title() {
        return title;
    }

    public String group() {
        return group;
    }

    public String version() {
        return version;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    /** True when the CRD declares a status subresource (status is then written through {@code /status}). */
    public boolean statusSubresource() {
        return statusSubresource;
    }

    /** Flux's owner label naming the owner, e.g. {@code kustomize.toolkit.fluxcd.io/name}; null for Argo CD. */
    public String ownerNameLabel() {
        return ownerLabelPrefix == null ? null : ownerLabelPrefix + "/name";
    }

    /** Flux's owner label naming the owner's namespace; null for Argo CD. */
    public String ownerNamespaceLabel() {
        return ownerLabelPrefix == null ? null : ownerLabelPrefix + "/namespace";
    }

    /** What the client needs to read these resources without discovery. */
    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** {@code group/version}, as in an object's apiVersion. */
    public String apiVersion() {
        return group + "/" + version;
    }
}
