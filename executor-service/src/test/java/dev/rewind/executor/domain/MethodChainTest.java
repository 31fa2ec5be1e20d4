package dev.rewind.executor.domain;

import static dev.rewind.events.RollbackMethod.GITOPS;
import static dev.rewind.events.RollbackMethod.HELM;
import static dev.rewind.events.RollbackMethod.KUBECTL;
import static dev.rewind.events.RollbackMethod.PIPELINE;
import static dev.rewind.events.RollbackMethod.REDEPLOY;
import static dev.rewind.executor.gitops.GitOpsPolicy.PAUSE_AND_UNDO;
import static dev.rewind.executor.gitops.GitOpsPolicy.REFUSE;
import static dev.rewind.executor.gitops.GitOpsPolicy.REVERT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.gitops.GitOpsOwner;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MethodChainTest {

    private static final List<RollbackMethod> CONFIGURED = List.of(PIPELINE, KUBECTL, REDEPLOY);
    private static final Set<RollbackMethod> ALL = EnumSet.allOf(RollbackMethod.class);

    @Test
    void theConfiguredChainWhenNothingElseIsSaid() {
        MethodChain chain = MethodChain.resolve("shop/checkout", null, null, CONFIGURED, ALL, false, null, REVERT);

        assertThat(chain.methods()).containsExactly(PIPELINE, KUBECTL, REDEPLOY);
        assertThat(chain.warnings()).isEmpty();
    }

    @Test
    void theDeploymentsAnnotationReplacesTheConfiguredChainInAnyCase() {
        MethodChain chain = MethodChain.resolve("shop/checkout", null, " Redeploy, kubectl ", CONFIGURED, ALL, false, null, REVERT);

        assertThat(chain.methods()).containsExactly(REDEPLOY, KUBECTL);
    }

    @Test
    void theRequestedMethodComesFirstAndIsNotTriedTwice() {
        MethodChain chain = MethodChain.resolve("shop/checkout", KUBECTL, null, CONFIGURED, ALL, false, null, REVERT);

        assertThat(chain.methods()).containsExactly(KUBECTL, PIPELINE, REDEPLOY);
    }

    @Test
    void anUnreadableAnnotationFallsBackToTheConfiguredChainAndSaysWhatToFix() {
        MethodChain chain = MethodChain.resolve("shop/checkout", null, "kubectl,rollout-undo", CONFIGURED, ALL, false, null, REVERT);

        assertThat(chain.methods()).containsExactly(PIPELINE, KUBECTL, REDEPLOY);
        assertThat(chain.warnings()).singleElement().asString()
                .contains("rewind.dev/rollback-methods on deployment shop/checkout")
                .contains("'rollout-undo' is not a method")
                .contains("pipeline,helm,kubectl,redeploy");
    }

    @Test
    void methodsConfigurationDoesNotAllowAreSkippedWithAWarning() {
        MethodChain chain = MethodChain.resolve("shop/checkout", HELM, "redeploy,kubectl", CONFIGURED,
                EnumSet.of(KUBECTL, PIPELINE), false, null, REVERT);

        assertThat(chain.methods()).containsExactly(KUBECTL);
        assertThat(chain.warnings()).singleElement().asString()
                .contains("helm,redeploy not allowed by rewind.executor.allowed-methods");
    }

    @Test
    void refusesWhenNoAllowedMethodIsLeft() {
        assertThatThrownBy(() -> MethodChain.resolve("shop/checkout", null, "redeploy", CONFIGURED,
                EnumSet.of(KUBECTL), false, null, REVERT))
                .isInstanceOf(RollbackRefused.class)
                .hasMessageContaining("no allowed rollback method for deployment shop/checkout");
    }

    @Test
    void theConfiguredHelmOrKubectlIsSettledByTheDeployment() {
        List<RollbackMethod> configured = List.of(PIPELINE, HELM, KUBECTL, REDEPLOY);

        assertThat(MethodChain.resolve("shop/checkout", null, null, configured, ALL, true, null, REVERT).methods())
                .containsExactly(PIPELINE, HELM, KUBECTL, REDEPLOY);
        assertThat(MethodChain.resolve("shop/checkout", null, null, configured, ALL, false, null, REVERT).methods())
                .containsExactly(PIPELINE, KUBECTL, REDEPLOY);
        assertThat(MethodChain.resolve("shop/checkout", null, "helm,kubectl", configured, ALL, false, null, REVERT).methods())
                .as("a Deployment that names helm gets it, and is told why it cannot").containsExactly(HELM, KUBECTL);
    }

    @Test
    void aTargetArgoCdOrFluxAppliesFromGitIsNeverRolledBackInTheCluster() {
        GitOpsOwner argo = new GitOpsOwner(GitOpsKind.ARGO_CD_APPLICATION, "argocd", "checkout",
                "automated sync with self-heal", true);

        MethodChain chain = MethodChain.resolve("shop/checkout", KUBECTL, null, CONFIGURED, ALL, true, argo, REVERT);

        assertThat(chain.methods()).as("gitops first, for such a target only").containsExactly(GITOPS, PIPELINE);
        assertThat(chain.warnings()).first().asString().startsWith("kubectl,redeploy skipped: deployment "
                + "shop/checkout is managed by Argo CD Application argocd/checkout (automated sync with self-heal): its "
                + "controller would set an in-cluster rollback");
        assertThat(chain.warnings()).last().asString().contains("gitops,pipeline must roll it back through Git");
        assertThat(MethodChain.resolve("shop/checkout", null, "redeploy,pipeline", CONFIGURED, ALL, false, argo, REVERT)
                .methods()).as("a Deployment's own list keeps gitops first").containsExactly(GITOPS, PIPELINE);
        assertThat(MethodChain.resolve("shop/checkout", null, "gitops,kubectl", CONFIGURED, ALL, false, null, REVERT)
                .methods()).as("named by the Deployment, tried and told why it cannot").containsExactly(GITOPS, KUBECTL);
        assertThat(MethodChain.resolve("shop/checkout", null, null, List.of(GITOPS, KUBECTL), ALL, false, null, REVERT)
                .methods()).as("left out of a configured chain where nothing applies from Git").containsExactly(KUBECTL);
    }

    @Test
    void refusesNamingTheOwnerWhenOnlyInClusterMethodsAreLeft() {
        GitOpsOwner flux = new GitOpsOwner(GitOpsKind.FLUX_KUSTOMIZATION, "flux-system", "shop", "suspended", false);

        assertThat(MethodChain.resolve("shop/checkout", null, "kubectl,redeploy", CONFIGURED, ALL, false, flux, REVERT)
                .methods()).as("gitops, which says why it cannot if it cannot").containsExactly(GITOPS);
        assertThatThrownBy(() -> MethodChain.resolve("shop/checkout", null, "kubectl,redeploy", CONFIGURED,
                EnumSet.of(KUBECTL, REDEPLOY, PIPELINE), false, flux, REVERT))
                .isInstanceOf(RollbackRefused.class)
                .hasMessage("deployment shop/checkout is managed by Flux Kustomization flux-system/shop (suspended): an "
                        + "in-cluster rollback (kubectl, redeploy) would hold only until its next sync or resume, and "
                        + "Git would still name the faulty release; roll back in Git (revert the release's commit) and "
                        + "let it sync, or use a rollback pipeline that does");
    }

    @Test
    void inAnEmergencyTheSyncIsPausedForTheInClusterMethodsAndGitopsComesLast() {
        GitOpsOwner argo = new GitOpsOwner(GitOpsKind.ARGO_CD_APPLICATION, "argocd", "checkout",
                "automated sync with self-heal", true);

        MethodChain chain = MethodChain.resolve("shop/checkout", null, null, List.of(GITOPS, PIPELINE, KUBECTL,
                REDEPLOY), ALL, false, argo, PAUSE_AND_UNDO);

        assertThat(chain.methods()).containsExactly(PIPELINE, KUBECTL, REDEPLOY, GITOPS);
        assertThat(chain.leftOut()).isEmpty();
        assertThat(chain.warnings()).singleElement().asString().isEqualTo("deployment shop/checkout is managed by "
                + "Argo CD Application argocd/checkout (automated sync with self-heal), and this is an emergency: Argo "
                + "CD Application checkout's sync is paused while kubectl,redeploy roll it back in the cluster, then "
                + "Git is changed to match and the sync resumed once that change is merged");
    }

    @Test
    void aRefusingPolicyLeavesOutGitAndTheClusterButNotTheTeamsPipeline() {
        GitOpsOwner argo = new GitOpsOwner(GitOpsKind.ARGO_CD_APPLICATION, "argocd", "checkout",
                "automated sync with self-heal", true);

        MethodChain chain = MethodChain.resolve("shop/checkout", null, null, List.of(GITOPS, PIPELINE, KUBECTL),
                ALL, false, argo, REFUSE);

        assertThat(chain.methods()).containsExactly(PIPELINE);
        assertThat(chain.leftOut()).singleElement().asString().startsWith("gitops,kubectl: deployment shop/checkout "
                + "is managed by Argo CD Application argocd/checkout (automated sync with self-heal), and its GitOps "
                + "strategy is refuse");
        assertThatThrownBy(() -> MethodChain.resolve("shop/checkout", null, "kubectl", CONFIGURED, ALL, false, argo,
                REFUSE)).isInstanceOf(RollbackRefused.class).hasMessageContaining("Rewind changes neither Git nor "
                + "the cluster for it");
    }

    @Test
    void theStoredFormRoundTrips() {
        assertThat(MethodChain.stored(MethodChain.format(CONFIGURED))).isEqualTo(CONFIGURED);
        assertThat(MethodChain.format(CONFIGURED)).isEqualTo("pipeline,kubectl,redeploy");
    }

    @Test
    void anEmptyListIsNotAChain() {
        assertThatThrownBy(() -> MethodChain.parse(" , ")).hasMessage("it names no method");
    }
}
