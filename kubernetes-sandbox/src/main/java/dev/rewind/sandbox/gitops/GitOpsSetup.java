package dev.rewind.sandbox.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a sandbox Deployment under a GitOps controller, as deploying it through Argo CD or Flux would: the owning
 * resource (an Application in {@value #ARGO_CD_NAMESPACE}, or a Kustomization) and the marks the controller leaves
 * on the Deployment (Argo CD's tracking annotation and instance label, Flux's owner labels).
 */
public final class GitOpsSetup {

    /** The namespace Argo CD runs in, where its Applications live. */
    public static final String ARGO_CD_NAMESPACE = "argocd";

    /** The Git repository the sandbox's GitOps resources deploy from. */
    public static final String REPOSITORY = "https://git.example/shop/deploy.git";

    private GitOpsSetup() {
    }

    /**
     * Application {@code app} in {@value #ARGO_CD_NAMESPACE} deploys Deployment {@code namespace/name}, with automated
     * sync when {@code autoSync} (self-healing when {@code selfHeal}).
     */
    public static GenericKubernetesResource argoCd(KubernetesClient client, String namespace, String name, String app,
                                                   boolean autoSync, boolean selfHeal) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("project", "default");
        spec.put("source", Map.of("repoURL", REPOSITORY, "path", "apps/" + namespace + "/" + name,
                "targetRevision", "main"));
        spec.put("destination", Map.of("server", "https://kubernetes.default.svc", "namespace", namespace));
        if (autoSync) {
            spec.put("syncPolicy", Map.of("automated", Map.of("prune", true, "selfHeal", selfHeal)));
        }
        GenericKubernetesResource application = client.genericKubernetesResources(
                GitOpsKind.ARGO_CD_APPLICATION.context()).inNamespace(ARGO_CD_NAMESPACE).resource(
                new GenericKubernetesResourceBuilder().withApiVersion(GitOpsKind.ARGO_CD_APPLICATION.apiVersion())
                        .withKind(GitOpsKind.ARGO_CD_APPLICATION.kind())
                        .withNewMetadata().withName(app).withNamespace(ARGO_CD_NAMESPACE).endMetadata()
                        .withAdditionalProperties(Map.of("spec", spec)).build()).create();
        client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
            d.getMetadata().setAnnotations(new HashMap<>(d.getMetadata().getAnnotations() == null ? Map.of()
                    : d.getMetadata().getAnnotations()));
            d.getMetadata().getAnnotations().put(GitOpsKind.ARGO_TRACKING_ID,
                    app + ":apps/Deployment:" + namespace + "/" + name);
            d.getMetadata().getLabels().put(GitOpsKind.ARGO_INSTANCE_LABEL, app);
            return d;
        });
        return application;
    }

    /**
     * Kustomization {@code kustomizationNamespace/kustomization} applies Deployment {@code namespace/name}; suspended
     * when {@code suspended}.
     */
    public static GenericKubernetesResource flux(KubernetesClient client, String namespace, String name,
                                                 String kustomizationNamespace, String kustomization,
                                                 boolean suspended) {
        GitOpsKind kind = GitOpsKind.FLUX_KUSTOMIZATION;
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("interval", "10m");
        spec.put("path", "./apps/" + namespace);
        spec.put("prune", true);
        spec.put("sourceRef", Map.of("kind", "GitRepository", "name", "deploy"));
        if (suspended) {
            spec.put("suspend", true);
        }
        GenericKubernetesResource owner = client.genericKubernetesResources(kind.context())
                .inNamespace(kustomizationNamespace).resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion(kind.apiVersion()).withKind(kind.kind())
                        .withNewMetadata().withName(kustomization).withNamespace(kustomizationNamespace).endMetadata()
                        .withAdditionalProperties(Map.of("spec", spec)).build()).create();
        client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
            d.getMetadata().getLabels().put(kind.ownerNameLabel(), kustomization);
            d.getMetadata().getLabels().put(kind.ownerNamespaceLabel(), kustomizationNamespace);
            return d;
        });
        return owner;
    }
}
