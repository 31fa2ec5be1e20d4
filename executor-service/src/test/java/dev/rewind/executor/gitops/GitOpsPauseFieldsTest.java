package dev.rewind.executor.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether a parent's server-side apply owns the field a pause changes, read from the resource's managedFields. */
class GitOpsPauseFieldsTest {

    @Test
    void aFieldIsOwnedOnlyByTheManagerWhoseEntryNamesIt() {
        GenericKubernetesResource release = managed("kustomize-controller", Map.of("f:spec", Map.of("f:suspend",
                Map.of(), "f:values", Map.of())));

        assertThat(GitOpsPauses.managedBy(release, "kustomize-controller", List.of("spec", "suspend"))).isTrue();
        assertThat(GitOpsPauses.managedBy(release, "helm-controller", List.of("spec", "suspend"))).isFalse();
        assertThat(GitOpsPauses.managedBy(release, "kustomize-controller", List.of("spec", "syncPolicy",
                "automated"))).isFalse();
    }

    @Test
    void aManifestThatLeavesTheFieldOutDoesNotOwnIt() {
        GenericKubernetesResource release = managed("kustomize-controller", Map.of("f:spec", Map.of("f:values",
                Map.of())));

        assertThat(GitOpsPauses.managedBy(release, "kustomize-controller", List.of("spec", "suspend"))).isFalse();
        assertThat(GitOpsPauses.managedBy(new GenericKubernetesResourceBuilder().withNewMetadata().endMetadata()
                .build(), "kustomize-controller", List.of("spec", "suspend"))).isFalse();
    }

    private static GenericKubernetesResource managed(String manager, Map<String, Object> fields) {
        FieldsV1 fieldsV1 = new FieldsV1();
        fields.forEach(fieldsV1::setAdditionalProperty);
        return new GenericKubernetesResourceBuilder().withNewMetadata().withManagedFields(new ManagedFieldsEntryBuilder()
                .withManager(manager).withOperation("Apply").withFieldsV1(fieldsV1).build()).endMetadata().build();
    }
}
