package dev.rewind.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.approval.domain.ApprovalPolicy;
import dev.rewind.approval.domain.Requirement;
import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.TestTokensResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped configuration is the runbook's policy, for every environment and severity. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class ConfiguredPolicyTest {

    @Inject
    ApprovalPolicy policy;

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "development, P0, none,               , 5m",
            "development, P1, none,               , 15m",
            "development, P2, none,               , 1h",
            "development, P3, none,               , 4h",
            "staging,     P0, none,      team-lead, 5m",
            "staging,     P1, none,      team-lead, 15m",
            "staging,     P2, none,      team-lead, 1h",
            "staging,     P3, none,      team-lead, 4h",
            "production,  P0, oncall,             , 5m",
            "production,  P1, oncall|team-lead,   , 15m",
            "production,  P2, team-lead+reviewer, , 1h",
            "production,  P3, team-lead+reviewer, , 4h",
            "qa,          P3, oncall|team-lead,   , 4h"})
    void runbookPolicy(String environment, Severity severity, String approvals, String notify, String deadline) {
        Requirement requirement = policy.requirementFor(environment, severity, ExecutionMode.AUTOMATED);

        assertThat(requirement.approvals()).hasToString(approvals);
        assertThat(requirement.notifyRoles()).isEqualTo(notify == null ? List.of()
                : List.of(notify));
        assertThat(requirement.deadline()).isEqualTo(Duration.parse("PT" + deadline.toUpperCase()));
        assertThat(requirement.expireAfter()).isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest(name = "manual {0} {1}: {2}")
    @CsvSource({
            "development, P2, oncall|team-lead|developer",
            "staging,     P1, oncall|team-lead|developer",
            "production,  P1, oncall|team-lead",
            "production,  P2, team-lead+reviewer"})
    void aManualRollbackAlwaysNeedsAPerson(String environment, Severity severity, String approvals) {
        assertThat(policy.requirementFor(environment, severity, ExecutionMode.MANUAL).approvals())
                .hasToString(approvals);
    }
}
