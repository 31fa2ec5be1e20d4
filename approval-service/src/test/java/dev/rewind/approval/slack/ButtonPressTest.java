package dev.rewind.approval.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.approval.domain.Verdict;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ButtonPressTest {

    private static final UUID REQUEST = UUID.fromString("2d0b9a74-9e3f-4c20-b15d-4c8e7f6a5b43");

    @Test
    void readsAnApprovePressFromSlacksPayload() throws Exception {
        ButtonPress press = ButtonPress.of(read(SlackPayloads.approvePress())).orElseThrow();

        assertThat(press.slackUserId()).isEqualTo("U024BE7LH");
        assertThat(press.slackUsername()).isEqualTo("alice");
        assertThat(press.teamId()).isEqualTo("T9TK3CUKW");
        assertThat(press.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(press.request()).contains(REQUEST);
        assertThat(press.reason()).as("the reason box was left empty").isNull();
        assertThat(press.responseUrl()).startsWith("https://hooks.slack.com/actions/T9TK3CUKW/");
    }

    @Test
    void readsARejectPressWithTheReasonTypedInTheMessage() throws Exception {
        ObjectNode payload = SlackPayloads.press("U0REVIEW1", ButtonPress.REJECT, REQUEST,
                "  the alert is a false positive: dashboards are green  ", "https://hooks.slack.com/actions/x");

        ButtonPress press = ButtonPress.of(read(payload)).orElseThrow();

        assertThat(press.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(press.slackUserId()).isEqualTo("U0REVIEW1");
        assertThat(press.reason()).isEqualTo("the alert is a false positive: dashboards are green");
    }

    @Test
    void ignoresOtherInteractionsAndOtherButtons() throws Exception {
        ObjectNode otherButton = SlackPayloads.approvePress();
        ((ObjectNode) otherButton.withArray("actions").get(0)).put("action_id", "open_dashboard");
        ObjectNode submission = SlackPayloads.approvePress();
        submission.put("type", "view_submission");

        assertThat(ButtonPress.of(read(otherButton))).isEmpty();
        assertThat(ButtonPress.of(read(submission))).isEmpty();
    }

    @Test
    void aButtonValueThatIsNoRequestIdNamesNoRequest() throws Exception {
        ObjectNode payload = SlackPayloads.approvePress();
        ((ObjectNode) payload.withArray("actions").get(0)).put("value", "not-a-uuid");

        assertThat(ButtonPress.of(read(payload)).map(ButtonPress::request)).contains(Optional.empty());
    }

    @Test
    void readsTheFormSlackPosts() {
        String form = new String(SlackPayloads.form(SlackPayloads.approvePress()));

        assertThat(SlackInteractionResource.payloadField(form)).hasValueSatisfying(json ->
                assertThat(json).startsWith("{\"type\":\"block_actions\"").contains("\"rewind_approve\""));
        assertThat(SlackInteractionResource.payloadField("token=abc&team_id=T1")).isEmpty();
    }

    private static BlockActions read(ObjectNode payload) throws Exception {
        return SlackPayloads.JSON.treeToValue(payload, BlockActions.class);
    }
}
