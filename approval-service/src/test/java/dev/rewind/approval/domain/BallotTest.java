package dev.rewind.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.approval.domain.Ballot.Recorded;
import dev.rewind.approval.domain.Ballot.Refusal;
import dev.rewind.approval.domain.Ballot.Refused;
import dev.rewind.approval.domain.Ballot.Repeated;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BallotTest {

    private static final Set<String> OVERRIDERS = Set.of("oncall", "team-lead");
    private static final Approver ALICE_ONCALL = new Approver("alice", Set.of("oncall"));
    private static final Approver BOB_LEAD = new Approver("bob", Set.of("team-lead"));
    private static final Approver CAROL_REVIEWER = new Approver("carol", Set.of("reviewer"));
    private static final Approver DAN_DEVELOPER = new Approver("dan", Set.of("developer"));

    private static Ballot pending(String approvals, Vote... votes) {
        return new Ballot(ApprovalState.PENDING, Approvals.parse(approvals), Set.of("rewind-detector", "jane.dev"),
                OVERRIDERS, List.of(votes));
    }

    @Test
    void oneOnCallApprovalApprovesAP0() {
        assertThat(pending("oncall").cast(ALICE_ONCALL, Verdict.APPROVE, null))
                .isEqualTo(new Recorded(ApprovalState.APPROVED));
    }

    @Test
    void aTeamLeadMayApproveAP1InsteadOfOnCall() {
        assertThat(pending("oncall|team-lead").cast(BOB_LEAD, Verdict.APPROVE, null))
                .isEqualTo(new Recorded(ApprovalState.APPROVED));
    }

    @Test
    void aP2NeedsATeamLeadAndAReviewerWhoAreTwoPeople() {
        Ballot first = pending("team-lead+reviewer");
        assertThat(first.cast(BOB_LEAD, Verdict.APPROVE, "looks bad")).isEqualTo(new Recorded(ApprovalState.PENDING));

        Ballot second = pending("team-lead+reviewer", new Vote("bob", Set.of("team-lead"), Verdict.APPROVE));
        assertThat(second.cast(CAROL_REVIEWER, Verdict.APPROVE, null))
                .isEqualTo(new Recorded(ApprovalState.APPROVED));
    }

    @Test
    void aSecondPersonWithTheSameRoleIsNotNeeded() {
        Ballot ballot = pending("team-lead+reviewer", new Vote("carol", Set.of("reviewer"), Verdict.APPROVE));

        Ballot.Outcome outcome = ballot.cast(new Approver("erin", Set.of("reviewer")), Verdict.APPROVE, null);

        assertThat(outcome).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(Refusal.NOT_NEEDED);
            assertThat(refused.message()).contains("still needs 1 more");
        });
    }

    @Test
    void nobodyCountsTwice() {
        Approver both = new Approver("frank", Set.of("team-lead", "reviewer"));
        Ballot ballot = pending("team-lead+reviewer", new Vote("frank", Set.of("team-lead", "reviewer"),
                Verdict.APPROVE));

        assertThat(ballot.cast(both, Verdict.APPROVE, null)).isEqualTo(new Repeated(ApprovalState.PENDING));
    }

    @Test
    void theRequesterAndTheDeployAuthorNeverApprove() {
        Approver author = new Approver("Jane.Dev", Set.of("oncall"));

        assertThat(pending("oncall").cast(author, Verdict.APPROVE, null))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.SELF_APPROVAL));
    }

    @Test
    void theDeployAuthorCannotDecideTheirOwnRollbackEitherWay() {
        Approver author = new Approver("jane.dev", Set.of("oncall", "team-lead"));
        Ballot held = new Ballot(ApprovalState.HELD, Approvals.parse("oncall"), Set.of("rewind-detector", "jane.dev"),
                OVERRIDERS, List.of());

        assertThat(pending("oncall").cast(author, Verdict.REJECT, "it is fine, really"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.SELF_APPROVAL));
        assertThat(held.cast(author, Verdict.OVERRIDE, "let me"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.SELF_APPROVAL));
    }

    @Test
    void aReasonTheAuditWouldKeepForeverHasALimit() {
        assertThat(pending("oncall").cast(ALICE_ONCALL, Verdict.REJECT, "x".repeat(Ballot.MAX_REASON + 1)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal())
                        .isEqualTo(Refusal.REASON_TOO_LONG));
        assertThat(pending("oncall").cast(ALICE_ONCALL, Verdict.REJECT, "x".repeat(Ballot.MAX_REASON)))
                .isEqualTo(new Recorded(ApprovalState.REJECTED));
    }

    @Test
    void aRoleThatMayNotApproveIsRefusedBeforeAnythingElse() {
        assertThat(pending("oncall").cast(DAN_DEVELOPER, Verdict.APPROVE, null))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.refusal()).isEqualTo(Refusal.NOT_ALLOWED);
                    assertThat(r.message()).contains("oncall").contains("developer");
                });
        assertThat(pending("oncall").cast(DAN_DEVELOPER, Verdict.REJECT, "no"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.NOT_ALLOWED));
    }

    @Test
    void repeatingOnesVoteIsIdempotentButChangingItIsRefused() {
        Ballot approved = new Ballot(ApprovalState.APPROVED, Approvals.parse("oncall"), Set.of(), OVERRIDERS,
                List.of(new Vote("alice", Set.of("oncall"), Verdict.APPROVE)));

        assertThat(approved.cast(ALICE_ONCALL, Verdict.APPROVE, null)).isEqualTo(new Repeated(ApprovalState.APPROVED));
        assertThat(approved.cast(ALICE_ONCALL, Verdict.REJECT, "changed my mind"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.ALREADY_VOTED));
    }

    @Test
    void aDecidedRequestTakesNoNewVote() {
        Ballot approved = new Ballot(ApprovalState.APPROVED, Approvals.parse("oncall"), Set.of(), OVERRIDERS,
                List.of(new Vote("alice", Set.of("oncall"), Verdict.APPROVE)));

        assertThat(approved.cast(new Approver("gina", Set.of("oncall")), Verdict.APPROVE, null))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.NOT_OPEN));
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheRequest() {
        assertThat(pending("oncall").cast(ALICE_ONCALL, Verdict.REJECT, " "))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal())
                        .isEqualTo(Refusal.REASON_REQUIRED));
        assertThat(pending("team-lead+reviewer").cast(CAROL_REVIEWER, Verdict.REJECT, "the dashboard is fine"))
                .isEqualTo(new Recorded(ApprovalState.REJECTED));
    }

    @Test
    void aHeldRequestCannotBeApprovedOnlyOverriddenWithAReasonByAnAllowedRole() {
        Ballot held = new Ballot(ApprovalState.HELD, Approvals.parse("team-lead+reviewer"), Set.of("rewind-detector"),
                OVERRIDERS, List.of());

        assertThat(held.cast(BOB_LEAD, Verdict.APPROVE, null))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.NOT_OPEN));
        assertThat(held.cast(CAROL_REVIEWER, Verdict.OVERRIDE, "I know better"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.NOT_ALLOWED));
        assertThat(held.cast(BOB_LEAD, Verdict.OVERRIDE, null))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal())
                        .isEqualTo(Refusal.REASON_REQUIRED));
        assertThat(held.cast(BOB_LEAD, Verdict.OVERRIDE, "the earlier rollback went to a bad revision too"))
                .as("the override counts as the team lead's approval; a reviewer is still needed")
                .isEqualTo(new Recorded(ApprovalState.PENDING));
    }

    @Test
    void anOverrideAloneApprovesWhereItsAuthorsApprovalIsAllThatIsNeeded() {
        Ballot held = new Ballot(ApprovalState.HELD, Approvals.parse("oncall"), Set.of(), OVERRIDERS, List.of());

        assertThat(held.cast(ALICE_ONCALL, Verdict.OVERRIDE, "loop guard is wrong here"))
                .isEqualTo(new Recorded(ApprovalState.APPROVED));
        Ballot heldInDevelopment = new Ballot(ApprovalState.HELD, Approvals.NONE, Set.of(), OVERRIDERS, List.of());
        assertThat(heldInDevelopment.cast(BOB_LEAD, Verdict.OVERRIDE, "go"))
                .isEqualTo(new Recorded(ApprovalState.APPROVED));
    }

    @Test
    void nothingToOverrideOnARequestNoGuardHeld() {
        assertThat(pending("oncall").cast(ALICE_ONCALL, Verdict.OVERRIDE, "why not"))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.NOT_OPEN));
    }
}
