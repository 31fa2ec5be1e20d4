package dev.rewind.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalsTest {

    @Test
    void readsTheConfigurationNotation() {
        assertThat(Approvals.parse("none").none()).isTrue();
        assertThat(Approvals.parse(" oncall|team-lead ").slots()).containsExactly(Set.of("oncall", "team-lead"));
        assertThat(Approvals.parse("team-lead+reviewer").slots()).containsExactly(Set.of("team-lead"),
                Set.of("reviewer"));
        assertThat(Approvals.parse("team-lead + reviewer|oncall")).hasToString("team-lead+reviewer|oncall");
    }

    @Test
    void refusesWhatIsNotARule() {
        assertThatThrownBy(() -> Approvals.parse("")).hasMessageContaining("is not an approval rule");
        assertThatThrownBy(() -> Approvals.parse("team-lead++reviewer")).hasMessageContaining("team-lead++reviewer");
        assertThatThrownBy(() -> Approvals.parse("Team Lead")).hasMessageContaining("is not an approval rule");
    }

    @Test
    void twoApprovalsNeedTwoPeopleEvenWhenOneHoldsBothRoles() {
        Approvals leadAndReviewer = Approvals.parse("team-lead+reviewer");

        assertThat(leadAndReviewer.satisfiedBy(List.of(Set.of("team-lead", "reviewer")))).isFalse();
        assertThat(leadAndReviewer.satisfiedBy(List.of(Set.of("reviewer"), Set.of("reviewer")))).isFalse();
        assertThat(leadAndReviewer.satisfiedBy(List.of(Set.of("team-lead", "reviewer"), Set.of("team-lead"))))
                .as("the first person fills the reviewer approval so the second can fill the team lead's").isTrue();
    }

    @Test
    void eitherRoleFillsAnApprovalWithAlternatives() {
        Approvals p1 = Approvals.parse("oncall|team-lead");

        assertThat(p1.satisfiedBy(List.of(Set.of("team-lead")))).isTrue();
        assertThat(p1.satisfiedBy(List.of(Set.of("oncall")))).isTrue();
        assertThat(p1.satisfiedBy(List.of(Set.of("reviewer"), Set.of("developer")))).isFalse();
    }

    @Test
    void noApprovalsAreSatisfiedByNobody() {
        assertThat(Approvals.NONE.satisfiedBy(List.of())).isTrue();
    }
}
