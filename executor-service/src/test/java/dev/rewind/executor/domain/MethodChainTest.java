package dev.rewind.executor.domain;

import static dev.rewind.events.RollbackMethod.HELM;
import static dev.rewind.events.RollbackMethod.KUBECTL;
import static dev.rewind.events.RollbackMethod.PIPELINE;
import static dev.rewind.events.RollbackMethod.REDEPLOY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.RollbackMethod;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MethodChainTest {

    private static final List<RollbackMethod> CONFIGURED = List.of(PIPELINE, KUBECTL, REDEPLOY);
    private static final Set<RollbackMethod> ALL = EnumSet.allOf(RollbackMethod.class);

    @Test
    void theConfiguredChainWhenNothingElseIsSaid() {
        MethodChain chain = MethodChain.resolve("shop/checkout", null, null, CONFIGURED, ALL, false);

        assertThat(chain.methods()).containsExactly(PIPELINE, KUBECTL, REDEPLOY);
        assertThat(chain.warnings()).isEmpty();
    }

    @Test
    void theDeploymentsAnnotationReplacesTheConfiguredChainInAnyCase() {
        MethodChain chain = MethodChain.resolve("shop/checkout", null, " Redeploy, kubectl ", CONFIGURED, ALL, false);

        assertThat(chain.methods()).containsExactly(REDEPLOY, KUBECTL);
    }

    @Test
    void theRequestedMethodComesFirstAndIsNotTriedTwice() {
        MethodChain chain = MethodChain.resolve("shop/checkout", KUBECTL, null, CONFIGURED, ALL, false);

        assertThat(chain.methods()).containsExactly(KUBECTL, PIPELINE, REDEPLOY);
    }

    @Test
    void anUnreadableAnnotationFallsBackToTheConfiguredChainAndSaysWhatToFix() {
        MethodChain chain = MethodChain.resolve("shop/checkout", null, "kubectl,rollout-undo", CONFIGURED, ALL, false);

        assertThat(chain.methods()).containsExactly(PIPELINE, KUBECTL, REDEPLOY);
        assertThat(chain.warnings()).singleElement().asString()
                .contains("rewind.dev/rollback-methods on deployment shop/checkout")
                .contains("'rollout-undo' is not a method")
                .contains("pipeline,helm,kubectl,redeploy");
    }

    @Test
    void methodsConfigurationDoesNotAllowAreSkippedWithAWarning() {
        MethodChain chain = MethodChain.resolve("shop/checkout", HELM, "redeploy,kubectl", CONFIGURED,
                EnumSet.of(KUBECTL, PIPELINE), false);

        assertThat(chain.methods()).containsExactly(KUBECTL);
        assertThat(chain.warnings()).singleElement().asString()
                .contains("helm,redeploy not allowed by rewind.executor.allowed-methods");
    }

    @Test
    void refusesWhenNoAllowedMethodIsLeft() {
        assertThatThrownBy(() -> MethodChain.resolve("shop/checkout", null, "redeploy", CONFIGURED,
                EnumSet.of(KUBECTL), false))
                .isInstanceOf(RollbackRefused.class)
                .hasMessageContaining("no allowed rollback method for deployment shop/checkout");
    }

    @Test
    void theConfiguredHelmOrKubectlIsSettledByTheDeployment() {
        List<RollbackMethod> configured = List.of(PIPELINE, HELM, KUBECTL, REDEPLOY);

        assertThat(MethodChain.resolve("shop/checkout", null, null, configured, ALL, true).methods())
                .containsExactly(PIPELINE, HELM, KUBECTL, REDEPLOY);
        assertThat(MethodChain.resolve("shop/checkout", null, null, configured, ALL, false).methods())
                .containsExactly(PIPELINE, KUBECTL, REDEPLOY);
        assertThat(MethodChain.resolve("shop/checkout", null, "helm,kubectl", configured, ALL, false).methods())
                .as("a Deployment that names helm gets it, and is told why it cannot").containsExactly(HELM, KUBECTL);
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
