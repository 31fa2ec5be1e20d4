package dev.rewind.approval.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Approver;
import dev.rewind.approval.domain.Verdict;
import dev.rewind.approval.service.DecisionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What Slack shows after a button press: the approval message updated with the decision and who made it (its
 * buttons kept while the request still waits, removed once it is decided), or a reply only the presser sees.
 */
public final class DecisionMessages {

    /** The block id of the status line Rewind adds to the approval message, replaced at each vote. */
    static final String STATUS_BLOCK = "rewind_status";

    private DecisionMessages() {
    }

    /** The approval message, as Slack holds it ({@code original}), after {@code voter}'s recorded vote. */
    public static SlackReply recorded(List<JsonNode> original, DecisionResult result, Approver voter, Verdict verdict,
                                      String reason) {
        String status = status(result, voter, verdict, reason);
        boolean open = result.state() == ApprovalState.PENDING || result.state() == ApprovalState.HELD;
        List<JsonNode> blocks = new ArrayList<>();
        int statusAt = -1;
        for (JsonNode block : original) {
            if (STATUS_BLOCK.equals(block.path("block_id").asText())) {
                continue; // the previous vote's status: replaced below
            }
            if (isDecisionInput(block)) {
                if (!open) {
                    continue; // decided: nothing left to press
                }
                statusAt = statusAt < 0 ? blocks.size() : statusAt;
            }
            blocks.add(block);
        }
        blocks.add(statusAt < 0 ? blocks.size() : statusAt, statusBlock(status));
        return SlackReply.replacing(escaped(status), blocks);
    }

    /** The line saying where the request stands after {@code voter}'s vote. */
    static String status(DecisionResult result, Approver voter, Verdict verdict, String reason) {
        return switch (result.state()) {
            case APPROVED -> "✅ Approved by " + approvers(result, voter) + ": rollback commanded";
            case REJECTED -> "❌ Rejected by " + who(voter) + ": " + reason + ". No rollback.";
            case PENDING, HELD -> "👍 " + who(voter) + " " + (verdict == Verdict.APPROVE ? "approved" : "voted")
                    + ": " + result.stillNeeded() + " still needed";
            case EXPIRED -> "⌛ Expired undecided: no rollback";
        };
    }

    /** The presser's vote was already recorded: nothing changed. */
    public static SlackReply repeated(DecisionResult result, Verdict verdict) {
        return SlackReply.ephemeral("Your " + (verdict == Verdict.APPROVE ? "approval" : "rejection")
                + " of the rollback of " + result.target()
                + " was already recorded; nothing changed. The request is " + result.state()
                + (result.state() == ApprovalState.PENDING ? " (" + result.stillNeeded() + " still needed)." : "."));
    }

    /** The Slack user has no Rewind identity. */
    public static SlackReply notMapped(ButtonPress press) {
        return SlackReply.ephemeral("Your Slack user " + press.slackUserId()
                + (press.slackUsername() == null ? "" : " (" + press.slackUsername() + ")")
                + " is not mapped to a Rewind identity, so your vote was not counted. Ask a Rewind administrator to "
                + "set rewind.approval.slack.users." + press.slackUserId() + ".name and .roles, or decide through "
                + "the approvals API.");
    }

    /** The rules refused the vote: the core's own words, plus where to type a missing reason. */
    public static SlackReply refused(String message, boolean reasonMissing) {
        return SlackReply.ephemeral("Your vote was not counted: " + message
                + (reasonMissing ? ". Type the reason in the Reason box of the message, then press Reject again."
                : "."));
    }

    /** Slack reads {@code text} as mrkdwn: a typed reason must not become a mention or a link. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static ObjectNode statusBlock(String status) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("type", "section");
        block.put("block_id", STATUS_BLOCK);
        ObjectNode text = block.putObject("text");
        text.put("type", "plain_text"); // plain text: a typed reason cannot inject mentions or links
        text.put("text", status);
        text.put("emoji", true);
        return block;
    }

    /** True for the reason input and the Approve/Reject buttons. */
    private static boolean isDecisionInput(JsonNode block) {
        String type = block.path("type").asText();
        if ("input".equals(type)) {
            return ButtonPress.REASON.equals(block.path("element").path("action_id").asText());
        }
        if ("actions".equals(type)) {
            for (JsonNode element : block.path("elements")) {
                String actionId = element.path("action_id").asText();
                if (ButtonPress.APPROVE.equals(actionId) || ButtonPress.REJECT.equals(actionId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String approvers(DecisionResult result, Approver voter) {
        if (result.approvedBy().isEmpty()) {
            return who(voter);
        }
        return result.approvedBy().stream().map(name -> voter.is(name) ? who(voter) : name)
                .collect(Collectors.joining(" and "));
    }

    private static String who(Approver voter) {
        return voter.name() + (voter.roles().isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(voter.roles()))
                + ")");
    }
}
