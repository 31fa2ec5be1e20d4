package dev.rewind.notifier.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventJson;
import dev.rewind.notifier.channel.SendResult;
import java.io.IOException;
import java.util.Set;

/**
 * Reads the Slack Web API's answers: it says HTTP 200 even when it refused, with {@code {"ok":false,"error":...}};
 * an error sending again may cure is retried, any other is refused with what to do about it.
 */
final class SlackAnswers {

    /** Errors that pass: Slack's rate limit and its own failures. */
    private static final Set<String> PASSING = Set.of("ratelimited", "rate_limited", "fatal_error", "internal_error",
            "service_unavailable", "request_timeout");

    private SlackAnswers() {
    }

    /** The result of an HTTP 200 {@code body} from Web API {@code method}; delivered as the message's channel/ts. */
    static SendResult of(String method, String body) {
        JsonNode answer;
        try {
            answer = body == null || body.isBlank() ? null : EventJson.mapper().readTree(body);
        } catch (IOException notJson) {
            answer = null;
        }
        if (answer == null || !answer.has("ok")) {
            return new SendResult.Refused("Slack " + method + " answered 200 without the Web API's JSON ("
                    + shortly(body) + "): check rewind.notifier.slack.api-url points at https://slack.com/api");
        }
        if (answer.path("ok").asBoolean()) {
            String channel = answer.path("channel").asText("");
            String ts = answer.path("ts").asText("");
            return new SendResult.Delivered(channel.isEmpty() || ts.isEmpty() ? null
                    : new SlackThread(channel, ts).reference());
        }
        String error = answer.path("error").asText("unknown_error");
        String said = "Slack " + method + " refused: " + error + details(answer);
        if (PASSING.contains(error)) {
            return new SendResult.Retry(null, said);
        }
        return new SendResult.Refused(said + what(error));
    }

    /** What the SRE reading the notification-failed event should do. */
    static String what(String error) {
        return switch (error) {
            case "channel_not_found" -> ": the channel does not exist or the bot cannot see it; set "
                    + "rewind.notifier.slack.channel (or the route's channel) to the channel id (C0123456789) and "
                    + "invite the bot to private channels";
            case "not_in_channel" -> ": invite the Rewind bot to the channel (/invite @<bot name>)";
            case "is_archived" -> ": the channel is archived; unarchive it or route Rewind to another channel";
            case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive" ->
                    ": the bot token is wrong or revoked; set SLACK_BOT_TOKEN (rewind.notifier.slack.bot-token) to "
                            + "the app's current xoxb- token";
            case "missing_scope" -> ": the bot token lacks the chat:write scope; add it and reinstall the Slack app";
            case "message_not_found", "cant_update_message", "edit_window_closed" ->
                    ": the incident's first message was deleted or cannot be edited by the bot; the thread still has "
                            + "the outcome";
            case "invalid_blocks", "invalid_blocks_format", "msg_too_long", "too_many_attachments" ->
                    ": Slack refused the message's layout, a Rewind bug; report it with this error";
            default -> "";
        };
    }

    private static String details(JsonNode answer) {
        JsonNode messages = answer.path("response_metadata").path("messages");
        return messages.isArray() && !messages.isEmpty() ? " " + shortly(messages.toString()) : "";
    }

    private static String shortly(String text) {
        if (text == null) {
            return "empty";
        }
        String flat = text.strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
