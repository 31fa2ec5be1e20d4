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
 * on {@code main}), the owning resource (an Application in {@value #ARGO_CD_NAMESPACE}, or a Kustomization and its
 * GitRepository), and the marks the controller leaves on the Deployment (Argo CD's tracking annotation and instance
 * label, Flux's owner labels).
 */
public final class GitOpsSetup {

    /** The namespace Argo CD runs in, where its Applications live. */
    public static final String ARGO_CD_NAMESPACE = "argocd";

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
        GenericKubernetesResource owner = create(client, kind, kustomizationNamespace, kustomization, spec);
        client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
            d.getMetadata().getLabels().put(kind.ownerNameLabel(), kustomization);
            d.getMetadata().getLabels().put(kind.ownerNamespaceLabel(), kustomizationNamespace);
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
        Map<String, String> file = Map.of(manifestPath(namespace, name), Serialization.asYaml(manifest));
        synchronized (git) {
            if (git.exists(REPOSITORY)) {
                git.commit(REPOSITORY, "main", file, "deploy " + namespace + "/" + name);
            } else {
                git.create(REPOSITORY, "main", file);
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
