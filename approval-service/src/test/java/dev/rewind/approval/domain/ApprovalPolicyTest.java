package dev.rewind.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    private static final Map<Severity, Duration> DEADLINES = Map.of(Severity.P0, Duration.ofMinutes(5),
            Severity.P1, Duration.ofMinutes(15), Severity.P2, Duration.ofHours(1), Severity.P3, Duration.ofHours(4));

    private static final Approvals MANUAL = Approvals.parse("oncall|developer");

    private static EnvironmentRule everySeverity(String approvals, String... notify) {
        Map<Severity, Approvals> rule = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            rule.put(severity, Approvals.parse(approvals));
        }
        return new EnvironmentRule(rule, List.of(notify));
    }

    private final ApprovalPolicy policy = new ApprovalPolicy(
            Map.of("development", everySeverity("none"), "staging", everySeverity("none", "team-lead")),
            everySeverity("oncall|team-lead"), DEADLINES, Duration.ofHours(24), Set.of("oncall"), MANUAL);

    @Test
    void anEnvironmentWithoutARuleGetsTheFallbackNeverNoApproval() {
        Requirement requirement = policy.requirementFor("qa", Severity.P3, ExecutionMode.AUTOMATED);

        assertThat(requirement.automatic()).isFalse();
        assertThat(requirement.approvals()).hasToString("oncall|team-lead");
    }

    @Test
    void stagingNeedsNobodyButTellsTheTeamLead() {
        Requirement requirement = policy.requirementFor("staging", Severity.P1, ExecutionMode.AUTOMATED);

        assertThat(requirement.automatic()).isTrue();
        assertThat(requirement.notifyRoles()).containsExactly("team-lead");
    }

    @Test
    void deadlinesFollowTheSeverityAndExpiryComesAfterThem() {
        assertThat(policy.requirementFor("qa", Severity.P0, ExecutionMode.AUTOMATED).deadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.requirementFor("qa", Severity.P3, ExecutionMode.AUTOMATED).expireAfter()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> new ApprovalPolicy(Map.of(), everySeverity("oncall"), DEADLINES,
                Duration.ofHours(2), Set.of("oncall"), MANUAL))
                .hasMessageContaining("must be longer than the P3 deadline");
    }

    @Test
    void everySeverityNeedsADeadlineAndSomeoneMustBeAbleToOverride() {
        assertThatThrownBy(() -> new ApprovalPolicy(Map.of(), everySeverity("oncall"),
                Map.of(Severity.P0, Duration.ofMinutes(5)), Duration.ofHours(24), Set.of("oncall"), MANUAL))
                .hasMessageContaining("P1");
        assertThatThrownBy(() -> new ApprovalPolicy(Map.of(), everySeverity("oncall"), DEADLINES,
                Duration.ofHours(24), Set.of(), MANUAL))
                .hasMessageContaining("override");
    }

    @Test
    void aManualRollbackNeedsAPersonEvenWhereTheEnvironmentNeedsNobody() {
        assertThat(policy.requirementFor("development", Severity.P2, ExecutionMode.MANUAL).approvals())
                .hasToString("oncall|developer");
        assertThat(policy.requirementFor("qa", Severity.P2, ExecutionMode.MANUAL).approvals())
                .as("where people approve anyway, the environment's rule stands").hasToString("oncall|team-lead");
        assertThatThrownBy(() -> new ApprovalPolicy(Map.of(), everySeverity("oncall"), DEADLINES,
                Duration.ofHours(24), Set.of("oncall"), Approvals.NONE))
                .hasMessageContaining("always needs a person");
    }

    @Test
    void namesEveryRoleItUses() {
        assertThat(policy.rolesNamed()).containsExactlyInAnyOrder("oncall", "team-lead", "developer");
    }
}
