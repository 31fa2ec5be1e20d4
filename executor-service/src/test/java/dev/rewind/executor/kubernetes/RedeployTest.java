package dev.rewind.executor.kubernetes;

import static dev.rewind.executor.kubernetes.DeploymentFixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedeployTest {

    private static final Release LAST_GOOD = new Release(4, Map.of("checkout", "registry.example/checkout:v1"));

    @Test
    void pinsTheLastGoodImagesAndKeepsTheRestOfTheTemplateAndAnnotations() {
        Deployment current = deployment("v2", 5, Map.of("team", "payments"));
        current.getSpec().getTemplate().getSpec().getContainers().get(0).setImagePullPolicy("Always");

        UndoPlan plan = Redeploy.plan(current, LAST_GOOD, 123);

        assertThat(plan.method()).isEqualTo(RollbackMethod.REDEPLOY);
        assertThat(plan.template().getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/checkout:v1");
        assertThat(plan.template().getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("Always");
        assertThat(plan.fromRevision()).isEqualTo(5);
        assertThat(plan.toRevision()).isEqualTo(4);
        assertThat(plan.fromVersion()).isEqualTo("v2");
        assertThat(plan.toVersion()).isEqualTo("v1");
        assertThat(plan.annotations()).containsEntry("team", "payments")
                .containsEntry(DeploymentRevisions.REVISION, "5")
                .containsEntry(DeploymentRevisions.CHANGE_CAUSE, "rewind: redeployed the images of revision 4 "
                        + "(incident 123)");
        assertThat(plan.skipped()).isNull();
        assertThat(current.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .as("the Deployment read is left alone").isEqualTo("registry.example/checkout:v2");
    }

    @Test
    void nothingToDoWhenTheLastGoodImagesRunAlready() {
        UndoPlan plan = Redeploy.plan(deployment("v1", 5, Map.of()), LAST_GOOD, 123);

        assertThat(plan.skipped()).isEqualTo("skipped redeploy (deployment already runs the images of revision 4)");
    }

    @Test
    void unavailableWithoutALastGoodRelease() {
        assertThatThrownBy(() -> Redeploy.plan(deployment("v2", 5, Map.of()), null, 123))
                .isInstanceOf(MethodUnavailable.class)
                .hasMessageContaining("no last known good release to return deployment shop/checkout to");
    }

    @Test
    void unavailableWhenTheContainersChangedSinceTheLastGoodRelease() {
        Release renamed = new Release(4, Map.of("app", "registry.example/checkout:v1"));

        assertThatThrownBy(() -> Redeploy.plan(deployment("v2", 5, Map.of()), renamed, 123))
                .isInstanceOf(MethodUnavailable.class)
                .hasMessageContaining("runs containers [checkout] but the last good release (revision 4) ran [app]");
    }

    @Test
    void refusesAPausedDeploymentLikeKubectl() {
        Deployment paused = deployment("v2", 5, Map.of());
        paused.getSpec().setPaused(true);

        assertThatThrownBy(() -> Redeploy.plan(paused, LAST_GOOD, 123))
                .isExactlyInstanceOf(RollbackRefused.class)
                .hasMessageContaining("you cannot rollback a paused deployment");
    }

    @Test
    void aReplanKeepsTheNewerAnnotationsAndSetsTheCauseAgain() {
        UndoPlan plan = Redeploy.plan(deployment("v2", 5, Map.of()), LAST_GOOD, 123);
        Deployment scaled = deployment("v2", 5, Map.of("scaled-by", "hpa"));
        scaled.getMetadata().setResourceVersion("43");

        PatchDecision decision = PatchDecision.of(plan, scaled, null, 123, false);

        assertThat(decision.kind()).isEqualTo(PatchDecision.Kind.PATCH);
        assertThat(decision.plan().resourceVersion()).isEqualTo("43");
        assertThat(decision.plan().annotations()).containsEntry("scaled-by", "hpa")
                .containsKey(DeploymentRevisions.CHANGE_CAUSE);
        assertThat(decision.plan().template()).isEqualTo(plan.template());
    }
}
