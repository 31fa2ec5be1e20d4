package dev.rewind.executor.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.executor.domain.MethodUnavailable;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where an Argo CD Application deploys from, and when a change in its files would not be what it deploys. */
class GitOpsSourceTest {

    @Test
    void aBranchAndAPathAreReadTheRootPathInAnyForm() {
        GitOpsSource source = GitOpsSource.ofApplication(application(Map.of("repoURL", "https://github.com/a/d.git",
                "path", ".", "targetRevision", "HEAD")), "main");

        assertThat(source).isEqualTo(new GitOpsSource("https://github.com/a/d.git", "main", "", null, null));
        assertThat(new GitOpsSource("u", "b", "./apps/shop/", null, null).path()).isEqualTo("apps/shop");
    }

    @Test
    void pinnedRevisionsChartsAndOverridesInTheApplicationCannotTakeAChange() {
        assertThatThrownBy(() -> GitOpsSource.ofApplication(application(Map.of("repoURL", "u", "targetRevision",
                "v1.2.0")), "main")).isInstanceOf(MethodUnavailable.class).hasMessageContaining("pinned to revision");
        assertThatThrownBy(() -> GitOpsSource.ofApplication(application(Map.of("repoURL", "u", "chart", "shop")),
                "main")).isInstanceOf(MethodUnavailable.class).hasMessageContaining("Helm repository");
        assertThatThrownBy(() -> GitOpsSource.ofApplication(application(Map.of("repoURL", "u", "kustomize",
                Map.of("images", List.of("registry.example/shop/checkout:v1.3.0")))), "main"))
                .isInstanceOf(MethodUnavailable.class).hasMessageContaining("spec.source.kustomize.images");
    }

    private static GenericKubernetesResource application(Map<String, Object> source) {
        return new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1").withKind("Application")
                .withNewMetadata().withNamespace("argocd").withName("checkout").endMetadata()
                .withAdditionalProperties(new HashMap<>(Map.of("spec", Map.of("source", source)))).build();
    }
}
