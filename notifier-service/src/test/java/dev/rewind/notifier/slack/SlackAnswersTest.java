package dev.rewind.notifier.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.notifier.channel.SendResult;
import org.junit.jupiter.api.Test;

class SlackAnswersTest {

    @Test
    void anOkAnswerIsDeliveredWithTheMessagesChannelAndTs() {
        assertThat(SlackAnswers.of("chat.postMessage",
                "{\"ok\":true,\"channel\":\"C0ROLLBACK\",\"ts\":\"1700000000.000100\",\"message\":{}}"))
                .isEqualTo(new SendResult.Delivered("C0ROLLBACK/1700000000.000100"));
    }

    @Test
    void aRefusalIsRefusedWithTheErrorAndWhatToDo() {
        SendResult result = SlackAnswers.of("chat.postMessage", "{\"ok\":false,\"error\":\"channel_not_found\"}");

        assertThat(result).isInstanceOf(SendResult.Refused.class);
        assertThat(((SendResult.Refused) result).reason())
                .startsWith("Slack chat.postMessage refused: channel_not_found: ")
                .contains("rewind.notifier.slack.channel");
        assertThat(((SendResult.Refused) SlackAnswers.of("chat.postMessage",
                "{\"ok\":false,\"error\":\"invalid_auth\"}")).reason()).contains("SLACK_BOT_TOKEN");
        assertThat(((SendResult.Refused) SlackAnswers.of("chat.postMessage",
                "{\"ok\":false,\"error\":\"invalid_blocks\",\"response_metadata\":{\"messages\":"
                        + "[\"[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text]\"]}}"))
                .reason()).contains("less than 151 characters").contains("Rewind bug");
    }

    @Test
    void aRateLimitOrSlacksOwnFailureIsRetried() {
        assertThat(SlackAnswers.of("chat.postMessage", "{\"ok\":false,\"error\":\"ratelimited\"}"))
                .isInstanceOf(SendResult.Retry.class);
        assertThat(SlackAnswers.of("chat.update", "{\"ok\":false,\"error\":\"internal_error\"}"))
                .isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void anAnswerThatIsNotTheWebApisJsonIsRefusedPointingAtTheApiUrl() {
        SendResult result = SlackAnswers.of("chat.postMessage", "<html>proxy login</html>");

        assertThat(result).isInstanceOf(SendResult.Refused.class);
        assertThat(((SendResult.Refused) result).reason()).contains("rewind.notifier.slack.api-url")
                .contains("<html>proxy login</html>");
    }
}
