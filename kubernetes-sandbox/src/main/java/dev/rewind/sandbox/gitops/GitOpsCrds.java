package dev.rewind.sandbox.gitops;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Installs the CRDs of Argo CD's Application and Flux's Kustomization and HelmRelease in the sandbox, as installing
 * those controllers does: schemaless (unknown fields preserved), with a status subresource where the real CRD has one,
 * so that the API serves, lists and watches them like any resource.
 */
public final class GitOpsCrds {

    private GitOpsCrds() {
    }

    /** Creates the CRD of every {@link GitOpsKind}. */
    public static void install(KubernetesClient client) {
        for (GitOpsKind kind : GitOpsKind.values()) {
            client.apiextensions().v1().customResourceDefinitions().resource(definition(kind)).create();
        }
    }

    static CustomResourceDefinition definition(GitOpsKind kind) {
        var version = new CustomResourceDefinitionVersionBuilder().withName(kind.version()).withServed(true)
                .withStorage(true).withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
                        .withXKubernetesPreserveUnknownFields(true).build()).endSchema();
        if (kind.statusSubresource()) {
            version.withNewSubresources().withNewStatus().endStatus().endSubresources();
        }
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(kind.plural() + "." + kind.group()).endMetadata()
                .withNewSpec().withGroup(kind.group()).withScope("Namespaced")
                .withNewNames().withKind(kind.kind()).withPlural(kind.plural())
                .withSingular(kind.kind().toLowerCase(java.util.Locale.ROOT)).endNames()
                .withVersions(version.build())
                .endSpec().build();
    }
}
