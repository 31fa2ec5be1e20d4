package dev.rewind.sandbox.gitops;

import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.sandbox.git.SandboxGit;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a sandbox Deployment under a GitOps controller, as deploying it through Argo CD or Flux would: its manifest
 * committed to repository {@value #REPOSITORY} of the sandbox's Git ({@code apps/<namespace>/<name>/deployment.yaml}
 * on {@code main}; for a chart, the HelmRelease naming its image in {@code helmrelease.yaml} there), the owning
 * resource (an Application in {@value #ARGO_CD_NAMESPACE}, a Kustomization and its GitRepository, or a HelmRelease and
 * the Kustomization applying it), and the marks the controller leaves on the Deployment (Argo CD's tracking annotation
 * and instance label, Flux's owner labels).
 */
public final class GitOpsSetup {

    /** The namespace Argo CD runs in, where its Applications live. */
    public static final String ARGO_CD_NAMESPACE = "argocd";

    /** The namespace Flux runs in, where the HelmReleases and their Kustomizations live. */
    public static final String FLUX_NAMESPACE = "flux-system";

    /** The repository ({@code owner/name}) of the sandbox's Git the GitOps resources deploy from. */
    public static final String REPOSITORY = "shop/deploy";

    /** Its URL, as the GitOps resources name it. */
    public static final String REPOSITORY_URL = GitOpsSource.URL_PREFIX + REPOSITORY + ".git";

    private GitOpsSetup() {
    }

    /** Where Deployment {@code namespace/name}'s manifest is committed. */
    public static String manifestPath(String namespace, String name) {
        return "apps/" + namespace + "/" + name + "/deployment.yaml";
    }

    /**
     * Application {@code app} in {@value #ARGO_CD_NAMESPACE} deploys Deployment {@code namespace/name} from
     * {@code apps/<namespace>/<name>}, with automated sync when {@code autoSync} (self-healing when
     * {@code selfHeal}).
     */
    public static GenericKubernetesResource argoCd(KubernetesClient client, SandboxGit git, String namespace,
                                                   String name, String app, boolean autoSync, boolean selfHeal) {
        commitManifest(client, git, namespace, name);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("project", "default");
        spec.put("source", Map.of("repoURL", REPOSITORY_URL, "path", "apps/" + namespace + "/" + name,
                "targetRevision", "main"));
        spec.put("destination", Map.of("server", "https://kubernetes.default.svc", "namespace", namespace));
        if (autoSync) {
            spec.put("syncPolicy", Map.of("automated", Map.of("prune", true, "selfHeal", selfHeal)));
        }
        GenericKubernetesResource application = create(client, GitOpsKind.ARGO_CD_APPLICATION, ARGO_CD_NAMESPACE,
                app, spec);
        String tracking = app + ":apps/Deployment:" + namespace + "/" + name;
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
            d.getMetadata().setAnnotations(new HashMap<>(d.getMetadata().getAnnotations() == null ? Map.of()
                    : d.getMetadata().getAnnotations()));
            d.getMetadata().getAnnotations().put(GitOpsKind.ARGO_TRACKING_ID, tracking);
            d.getMetadata().getLabels().put(GitOpsKind.ARGO_INSTANCE_LABEL, app);
            return d;
        });
        // As if Argo CD had deployed every revision: the Deployment controller copies a Deployment's annotations to
        // the ReplicaSets it creates, and kubectl's undo copies them back (dropping those a ReplicaSet lacks).
        for (ReplicaSet replicaSet : client.apps().replicaSets().inNamespace(namespace).list().getItems()) {
            if (DeploymentRevisions.controlledBy(replicaSet, deployment)) {
                client.apps().replicaSets().inNamespace(namespace).withName(replicaSet.getMetadata().getName())
                        .edit(r -> new ReplicaSetBuilder(r).editMetadata().addToAnnotations(
                                GitOpsKind.ARGO_TRACKING_ID, tracking).endMetadata().build());
            }
        }
        return application;
    }

    /**
     * Kustomization {@code kustomizationNamespace/kustomization} applies Deployment {@code namespace/name} from
     * {@code ./apps/<namespace>/<name>} of GitRepository {@code deploy} beside it; suspended when {@code suspended}.
     */
    public static GenericKubernetesResource flux(KubernetesClient client, SandboxGit git, String namespace,
                                                 String name, String kustomizationNamespace, String kustomization,
                                                 boolean suspended) {
        commitManifest(client, git, namespace, name);
        GenericKubernetesResource owner = kustomization(client, namespace, name, kustomizationNamespace,
                kustomization, suspended);
        GitOpsKind kind = GitOpsKind.FLUX_KUSTOMIZATION;
        client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
            d.getMetadata().getLabels().put(kind.ownerNameLabel(), kustomization);
            d.getMetadata().getLabels().put(kind.ownerNamespaceLabel(), kustomizationNamespace);
            return d;
        });
        return owner;
    }

    /** Kustomization {@code kustomizationNamespace/kustomization} applying {@code ./apps/<namespace>/<name>}. */
    private static GenericKubernetesResource kustomization(KubernetesClient client, String namespace, String name,
                                                           String kustomizationNamespace, String kustomization,
                                                           boolean suspended) {
        GitOpsKind kind = GitOpsKind.FLUX_KUSTOMIZATION;
        if (client.genericKubernetesResources(GitOpsKind.FLUX_GIT_REPOSITORY.context())
                .inNamespace(kustomizationNamespace).withName("deploy").get() == null) {
            create(client, GitOpsKind.FLUX_GIT_REPOSITORY, kustomizationNamespace, "deploy", Map.of(
                    "interval", "1m", "url", REPOSITORY_URL, "ref", Map.of("branch", "main")));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("interval", "10m");
        spec.put("path", "./apps/" + namespace + "/" + name);
        spec.put("prune", true);
        spec.put("sourceRef", Map.of("kind", "GitRepository", "name", "deploy"));
        if (suspended) {
            spec.put("suspend", true);
        }
        return create(client, kind, kustomizationNamespace, kustomization, spec);
    }

    /** Where the HelmRelease deploying Deployment {@code namespace/name} is committed. */
    public static String helmReleasePath(String namespace, String name) {
        return "apps/" + namespace + "/" + name + "/helmrelease.yaml";
    }

    /**
     * HelmRelease {@code flux-system/<name>} renders Deployment {@code namespace/name} (its values naming the image it
     * runs now), and Kustomization {@code flux-system/<name>-release} applies that HelmRelease from
     * {@code ./apps/<namespace>/<name>} of GitRepository {@code deploy}; the HelmRelease corrects drift when
     * {@code driftDetection}.
     */
    public static GenericKubernetesResource fluxHelmRelease(KubernetesClient client, SandboxGit git, String namespace,
                                                            String name, boolean driftDetection) {
        String image = client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage();
        int colon = image.lastIndexOf(':');
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("interval", "10m");
        spec.put("releaseName", name);
        spec.put("targetNamespace", namespace);
        spec.put("chart", Map.of("spec", Map.of("chart", name, "version", "1.x",
                "sourceRef", Map.of("kind", "HelmRepository", "name", "charts"))));
        if (driftDetection) {
            spec.put("driftDetection", Map.of("mode", "enabled"));
        }
        spec.put("values", Map.of("image", Map.of("repository", image.substring(0, colon),
                "tag", image.substring(colon + 1))));
        GitOpsKind kind = GitOpsKind.FLUX_HELM_RELEASE;
        GenericKubernetesResource manifest = new GenericKubernetesResourceBuilder().withApiVersion(kind.apiVersion())
                .withKind(kind.kind()).withNewMetadata().withName(name).withNamespace(FLUX_NAMESPACE).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec)).build();
        commit(git, Map.of(helmReleasePath(namespace, name), Serialization.asYaml(manifest)), "deploy " + name);
        GenericKubernetesResource parent = kustomization(client, namespace, name, FLUX_NAMESPACE, name + "-release",
                false);
        GitOpsKind parentKind = GitOpsKind.FLUX_KUSTOMIZATION;
        manifest.getMetadata().setLabels(Map.of(parentKind.ownerNameLabel(), parent.getMetadata().getName(),
                parentKind.ownerNamespaceLabel(), FLUX_NAMESPACE));
        GenericKubernetesResource owner = client.genericKubernetesResources(kind.context()).inNamespace(FLUX_NAMESPACE)
                .resource(manifest).create();
        client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
            d.getMetadata().getLabels().put(kind.ownerNameLabel(), name);
            d.getMetadata().getLabels().put(kind.ownerNamespaceLabel(), FLUX_NAMESPACE);
            return d;
        });
        return owner;
    }

    /** Commits the Deployment's manifest as it runs now (creating the repository on first use). */
    private static void commitManifest(KubernetesClient client, SandboxGit git, String namespace, String name) {
        Deployment live = client.apps().deployments().inNamespace(namespace).withName(name).get();
        Deployment manifest = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .endMetadata().withNewSpec().withReplicas(live.getSpec().getReplicas())
                .withSelector(live.getSpec().getSelector()).withTemplate(live.getSpec().getTemplate()).endSpec()
                .build();
        commit(git, Map.of(manifestPath(namespace, name), Serialization.asYaml(manifest)), "deploy " + namespace
                + "/" + name);
    }

    /** Commits {@code files} on {@code main} (creating the repository on first use). */
    private static void commit(SandboxGit git, Map<String, String> files, String message) {
        synchronized (git) {
            if (git.exists(REPOSITORY)) {
                git.commit(REPOSITORY, "main", files, message);
            } else {
                git.create(REPOSITORY, "main", files);
            }
        }
    }

    private static GenericKubernetesResource create(KubernetesClient client, GitOpsKind kind, String namespace,
                                                    String name, Map<String, Object> spec) {
        return client.genericKubernetesResources(kind.context()).inNamespace(namespace).resource(
                new GenericKubernetesResourceBuilder().withApiVersion(kind.apiVersion()).withKind(kind.kind())
                        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                        .withAdditionalProperties(Map.of("spec", spec)).build()).create();
    }
}
