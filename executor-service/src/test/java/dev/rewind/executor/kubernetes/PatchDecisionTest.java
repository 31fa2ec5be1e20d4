package dev.rewind.executor.kubernetes;

import static dev.rewind.executor.kubernetes.DeploymentFixtures.UID;
import static dev.rewind.executor.kubernetes.DeploymentFixtures.deployment;
import static dev.rewind.executor.kubernetes.DeploymentFixtures.rs;
import static dev.rewind.executor.kubernetes.DeploymentFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Release;
import dev.rewind.executor.kubernetes.PatchDecision.Kind;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchDecisionTest {

    private static final Release JUDGED = new Release(2, Map.of("checkout", "registry.example/checkout:v2"));

    private final UndoPlan plan = KubectlUndo.plan(deployment("v2", 2, Map.of()),
            List.of(rs("v1", 1, "h1", UID), rs("v2", 2, "h2", UID)), 0);

    @Test
    void patchesAsPlannedWhenNothingChanged() {
        PatchDecision decision = PatchDecision.of(plan, deployment("v2", 2, Map.of()), JUDGED, 123, false);

        assertThat(decision.kind()).isEqualTo(Kind.PATCH);
        assertThat(decision.plan()).isSameAs(plan);
    }

    @Test
    void plansAroundAScaleAStatusWriteOrALabel() {
        Deployment scaled = changed(deployment("v2", 2, Map.of()));
        scaled.getSpec().setReplicas(7);
        scaled.getMetadata().setLabels(Map.of("team", "payments"));

        PatchDecision decision = PatchDecision.of(plan, scaled, JUDGED, 123, false);

        assertThat(decision.kind()).isEqualTo(Kind.PATCH);
        assertThat(decision.plan().resourceVersion()).isEqualTo("43");
        assertThat(decision.plan().template()).isEqualTo(plan.template());
    }

    @Test
    void refusesWhenSomeoneDeployedANewTemplate() {
        Deployment deployed = changed(deployment("v2", 2, Map.of()));
        deployed.getSpec().getTemplate().getSpec().getContainers().get(0).setEnv(List.of(
                new io.fabric8.kubernetes.api.model.EnvVar("FEATURE", "on", null)));

        PatchDecision decision = PatchDecision.of(plan, deployed, JUDGED, 123, false);

        assertThat(decision.kind()).isEqualTo(Kind.REFUSE);
        assertThat(decision.reason()).isEqualTo("deployment shop/checkout got a new pod template since Rewind planned "
                + "to roll it back from revision 2 (v2): someone deployed meanwhile; not rolling back over their change");
    }

    @Test
    void refusesWhenTheDeploymentNoLongerRunsTheJudgedRelease() {
        PatchDecision decision = PatchDecision.of(plan, changed(deployment("v3", 3, Map.of())), JUDGED, 123, false);

        assertThat(decision.kind()).isEqualTo(Kind.REFUSE);
        assertThat(decision.reason()).startsWith("deployment shop/checkout now runs revision 3 {checkout=");
    }

    @Test
    void theTargetTemplateIsThisRollbacksOwnDoingOnlyOnceItsPatchMayHaveBeenSent() {
        Deployment rolledBack = changed(deployment("v1", 3, Map.of()));
        rolledBack.getSpec().setTemplate(template("v1", null));

        assertThat(PatchDecision.of(plan, rolledBack, JUDGED, 123, true).kind()).isEqualTo(Kind.ALREADY_APPLIED);
        PatchDecision notSent = PatchDecision.of(plan, rolledBack, JUDGED, 123, false);
        assertThat(notSent.kind()).isEqualTo(Kind.REFUSE);
        assertThat(notSent.reason()).contains("already rolled back or deployed again; not rolling back");
    }

    @Test
    void aPlanRecordedBeforeTemplatesWereKeptStaysStrict() {
        UndoPlan legacy = new UndoPlan(plan.namespace(), plan.name(), 2, 1, "v2", "v1", "42", plan.template(),
                plan.annotations(), null, null, null, null, null, null, null);

        PatchDecision decision = PatchDecision.of(legacy, changed(deployment("v2", 2, Map.of())), null, 0, false);

        assertThat(decision.kind()).isEqualTo(Kind.REFUSE);
        assertThat(decision.reason()).contains("changed while Rewind was rolling it back");
    }

    private static Deployment changed(Deployment deployment) {
        deployment.getMetadata().setResourceVersion("43");
        return deployment;
    }
}
