package dev.rewind.approval.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Approver;
import dev.rewind.approval.domain.Verdict;
import dev.rewind.approval.service.DecisionResult;
import dev.rewind.events.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionMessagesTest {

    private static final Approver ALICE = new Approver("alice", Set.of("oncall"));
    private static final Approver TOM = new Approver("tom", Set.of("team-lead"));
    private final List<JsonNode> original = new ArrayList<>();

    DecisionMessagesTest() {
        SlackPayloads.approvePress().at("/message/blocks").forEach(original::add);
    }

    @Test
    void approvedRequestShowsWhoApprovedAndLosesItsButtons() {
        SlackReply reply = DecisionMessages.recorded(original, result(ApprovalState.APPROVED, List.of("alice"), "none"),
                ALICE, Verdict.APPROVE, null);

        assertThat(reply.replaceOriginal()).isTrue();
        assertThat(reply.responseType()).isNull();
        assertThat(reply.text()).isEqualTo("✅ Approved by alice (oncall): rollback commanded");
        assertThat(types(reply)).containsExactly("header", "section", "context", "section");
        assertThat(last(reply).path("text").path("text").asText()).isEqualTo(reply.text());
        assertThat(reply.blocks().toString()).doesNotContain("rewind_approve", "rewind_reject", "rewind_reason\"");
    }

    @Test
    void requestStillWaitingKeepsItsButtonsWithTheVoteAboveThem() {
        SlackReply reply = DecisionMessages.recorded(original,
                result(ApprovalState.PENDING, List.of("tom"), "1 of team-lead+reviewer"), TOM, Verdict.APPROVE, null);

        assertThat(reply.text()).isEqualTo("👍 tom (team-lead) approved: 1 of team-lead+reviewer still needed");
        assertThat(types(reply)).containsExactly("header", "section", "context", "section", "input", "actions");
        assertThat(reply.blocks().get(3).path("block_id").asText()).isEqualTo(DecisionMessages.STATUS_BLOCK);
    }

    @Test
    void eachVoteReplacesThePreviousStatusInsteadOfStackingUp() {
        SlackReply first = DecisionMessages.recorded(original,
                result(ApprovalState.PENDING, List.of("tom"), "1 of team-lead+reviewer"), TOM, Verdict.APPROVE, null);
        Approver rita = new Approver("rita", Set.of("reviewer"));

        SlackReply second = DecisionMessages.recorded(first.blocks(),
                result(ApprovalState.APPROVED, List.of("tom", "rita"), "none"), rita, Verdict.APPROVE, null);

        assertThat(second.text()).isEqualTo("✅ Approved by tom and rita (reviewer): rollback commanded");
        assertThat(types(second)).containsExactly("header", "section", "context", "section");
    }

    @Test
    void rejectionShowsWhoRejectedAndWhy() {
        SlackReply reply = DecisionMessages.recorded(original, result(ApprovalState.REJECTED, List.of(), "none"),
                ALICE, Verdict.REJECT, "dashboards are green <!channel>");

        assertThat(last(reply).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(last(reply).path("text").path("text").asText())
                .isEqualTo("❌ Rejected by alice (oncall): dashboards are green <!channel>. No rollback.");
        assertThat(reply.text()).as("the fallback text is mrkdwn: no mention slips through")
                .contains("&lt;!channel&gt;");
        assertThat(types(reply)).doesNotContain("actions", "input");
    }

    @Test
    void refusalsAndUnknownUsersAreToldOnlyToThePresser() {
        ButtonPress press = new ButtonPress("U0STRANGER", "mallory", "T9TK3CUKW", Verdict.APPROVE,
                UUID.randomUUID().toString(), null, "https://hooks.slack.com/actions/x");

        SlackReply notMapped = DecisionMessages.notMapped(press);
        SlackReply refused = DecisionMessages.refused("say why the rollback is rejected", true);

        assertThat(notMapped.responseType()).isEqualTo("ephemeral");
        assertThat(notMapped.replaceOriginal()).isFalse();
        assertThat(notMapped.text()).contains("U0STRANGER (mallory) is not mapped")
                .contains("rewind.approval.slack.users.U0STRANGER.name");
        assertThat(refused.responseType()).isEqualTo("ephemeral");
        assertThat(refused.text()).contains("say why the rollback is rejected").contains("Reason box");
    }

    private static DecisionResult result(ApprovalState state, List<String> approvedBy, String stillNeeded) {
        return new DecisionResult(UUID.randomUUID(), 123, "production/payments/checkout", Severity.P0, state,
                approvedBy, stillNeeded, false);
    }

    private static List<String> types(SlackReply reply) {
        return reply.blocks().stream().map(block -> block.path("type").asText()).toList();
    }

    private static JsonNode last(SlackReply reply) {
        return reply.blocks().get(reply.blocks().size() - 1);
    }
}
