package dev.rewind.executor.gitops;

import static dev.rewind.executor.gitops.GitOpsPolicy.PAUSE_AND_UNDO;
import static dev.rewind.executor.gitops.GitOpsPolicy.REFUSE;
import static dev.rewind.executor.gitops.GitOpsPolicy.REVERT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.Severity;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GitOpsPolicyChoiceTest {

    private static final GitOpsOwner SYNCING = new GitOpsOwner(GitOpsKind.ARGO_CD_APPLICATION, "argocd", "checkout",
            "automated sync with self-heal", true);
    private static final Set<Severity> P0 = Set.of(Severity.P0);

    @Test
    void pausesOnlyInAnEmergency() {
        assertThat(settle(PAUSE_AND_UNDO, null, Severity.P0).policy()).isEqualTo(PAUSE_AND_UNDO);
        assertThat(settle(PAUSE_AND_UNDO, null, Severity.P1).policy()).isEqualTo(REVERT);
        assertThat(settle(PAUSE_AND_UNDO, null, null).policy()).as("an unknown severity is no emergency")
                .isEqualTo(REVERT);
        assertThat(settle(PAUSE_AND_UNDO, null, Severity.P1).warnings()).isEmpty();
    }

    @Test
    void aDeploymentMayAskForLessButNeverForMore() {
        assertThat(settle(PAUSE_AND_UNDO, "refuse", Severity.P0).policy()).isEqualTo(REFUSE);
        assertThat(settle(PAUSE_AND_UNDO, " Revert ", Severity.P0).policy()).isEqualTo(REVERT);
        GitOpsPolicyChoice more = settle(REVERT, "pause-and-undo", Severity.P0);
        assertThat(more.policy()).isEqualTo(REVERT);
        assertThat(more.warnings()).singleElement().asString().isEqualTo("annotation rewind.dev/gitops-strategy on "
                + "deployment shop/checkout asks for pause-and-undo, more than its environment allows (revert): revert "
                + "it is");
        GitOpsPolicyChoice unreadable = settle(PAUSE_AND_UNDO, "revrt", Severity.P0);
        assertThat(unreadable.policy()).as("a mistyped opt-out never gets the most").isEqualTo(REFUSE);
        assertThat(unreadable.warnings()).singleElement().asString().contains("'revrt' is not one of refuse, revert, "
                + "pause-and-undo");
    }

    @Test
    void thereIsNoSyncToPauseWhereTheOwnerDoesNotSyncByItself() {
        GitOpsOwner manual = new GitOpsOwner(GitOpsKind.ARGO_CD_APPLICATION, "argocd", "checkout",
                "automated sync off", false);

        GitOpsPolicyChoice choice = GitOpsPolicyChoice.settle("shop/checkout", manual, PAUSE_AND_UNDO, null,
                Severity.P0, P0);

        assertThat(choice.policy()).isEqualTo(REVERT);
        assertThat(choice.warnings()).singleElement().asString().contains("does not sync by itself");
        assertThat(GitOpsPolicyChoice.settle("shop/checkout", null, REFUSE, "refuse", Severity.P0, P0))
                .as("nothing to settle for a target nobody applies from Git").isSameAs(GitOpsPolicyChoice.NOT_MANAGED);
    }

    @Test
    void readsThePoliciesAsConfigurationSpellsThem() {
        assertThat(GitOpsPolicy.parse("pause-and-undo")).isEqualTo(PAUSE_AND_UNDO);
        assertThat(GitOpsPolicy.parse("PAUSE_AND_UNDO")).isEqualTo(PAUSE_AND_UNDO);
        assertThat(PAUSE_AND_UNDO.spelled()).isEqualTo("pause-and-undo");
        assertThatThrownBy(() -> GitOpsPolicy.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static GitOpsPolicyChoice settle(GitOpsPolicy configured, String annotation, Severity severity) {
        return GitOpsPolicyChoice.settle("shop/checkout", SYNCING, configured, annotation, severity, P0);
    }
}
