package dev.rewind.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    private final ApprovalPolicy policy = new ApprovalPolicy(Set.of("development"), List.of("oncall", "team-lead"),
            Map.of(Severity.P0, Duration.ofMinutes(5), Severity.P1, Duration.ofMinutes(15),
                    Severity.P2, Duration.ofHours(1), Severity.P3, Duration.ofHours(4)));

    @Test
    void developmentNeedsNoApproval() {
        Requirement requirement = policy.requirementFor(TargetKey.parse("development/shop/cart"), Severity.P1);

        assertThat(requirement.automatic()).isTrue();
    }

    @Test
    void productionNeedsOneApproverBeforeTheSeverityDeadline() {
        Requirement requirement = policy.requirementFor(TargetKey.parse("production/shop/cart"), Severity.P0);

        assertThat(requirement.automatic()).isFalse();
        assertThat(requirement.approvals()).isEqualTo(1);
        assertThat(requirement.roles()).containsExactly("oncall", "team-lead");
        assertThat(requirement.deadline()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everySeverityNeedsADeadline() {
        assertThatThrownBy(() -> new ApprovalPolicy(Set.of(), List.of(), Map.of(Severity.P0, Duration.ofMinutes(5))))
                .hasMessageContaining("P1");
    }
}
