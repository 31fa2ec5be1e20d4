package dev.rewind.notifier.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.notifier.channel.HttpAnswers;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.NotificationChannel;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.channel.SendResult;
import dev.rewind.notifier.channel.SentBefore;
import dev.rewind.notifier.channel.VendorClients;
import dev.rewind.notifier.domain.MessageSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells people on Slack. With a bot token, through the Web API: the incident's first message goes to its routed
 * channel, later ones reply in its thread (outcomes shown in the channel too), and outcomes update the first message.
 * Without one, through the incoming webhook: one message each, no threads.
 */
@ApplicationScoped
public class SlackChannel implements NotificationChannel {

    public static final String NAME = "slack";

    private final Optional<SlackPlanner> planner;
    private final Optional<SlackWebApi> webApi;
    private final Optional<SlackIncomingWebhook> webhook;
    private final String authorization;

    @Inject
    public SlackChannel(SlackConfig config) {
        Optional<String> token = config.botToken().filter(value -> !value.isBlank());
        this.authorization = token.map(value -> "Bearer " + value).orElse(null);
        this.webApi = token.map(value -> VendorClients.build(SlackWebApi.class, config.apiUrl(), config.timeout()));
        this.webhook = token.isPresent() ? Optional.empty()
                : config.webhookUrl().map(url -> VendorClients.build(SlackIncomingWebhook.class, url,
                        config.timeout()));
        if (webApi.isEmpty() && webhook.isEmpty()) {
            this.planner = Optional.empty();
            return;
        }
        Optional<SlackRoutes> routes = webApi.map(api -> SlackRoutes.of(config));
        if (routes.isPresent() && routes.get().isEmpty()) {
            throw new IllegalStateException("Slack has a bot token but nowhere to post: set "
                    + "rewind.notifier.slack.channel (SLACK_CHANNEL) to a channel id, or routes under "
                    + "rewind.notifier.slack.routes.<name>.channel");
        }
        this.planner = Optional.of(new SlackPlanner(SlackPlanner.kinds(config.notifications()), routes,
                new MessageSettings(config.eta(), config.dashboardsUrl().orElse(null), mentions(config)),
                config.updateFirstMessage()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return planner.isPresent();
    }

    /** Slack does not de-duplicate: a message sent twice is shown twice. */
    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public List<Outgoing> plan(Notice notice) {
        return planner.map(p -> p.plan(notice)).orElse(List.of());
    }

    @Override
    public SendResult send(Outgoing outgoing, SentBefore earlier) {
        SlackPost post = SlackPost.read(outgoing.payload());
        try {
            if (webApi.isPresent()) {
                return post.updates() == null ? postMessage(post, earlier) : updateFirst(post, earlier);
            }
            if (webhook.isPresent()) {
                try (Response response = webhook.get().post(post.message())) {
                    return HttpAnswers.of("Slack incoming webhook", response, null);
                }
            }
            return new SendResult.Refused("Slack is no longer configured: set SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL");
        } catch (ProcessingException unanswered) {
            return HttpAnswers.unreachable("Slack", unanswered);
        }
    }

    /** A new message; a reply in the thread of the incident's first message when there is one. */
    private SendResult postMessage(SlackPost post, SentBefore earlier) {
        Optional<SlackThread> thread = earlier.first().map(SlackThread::parse);
        ObjectNode body = post.message().deepCopy();
        body.put("channel", thread.map(SlackThread::channel).orElse(post.channel()));
        thread.ifPresent(first -> {
            body.put("thread_ts", first.ts());
            if (post.broadcast()) {
                body.put("reply_broadcast", true);
            }
        });
        if (body.path("channel").isNull() || body.path("channel").asText().isBlank()) {
            return new SendResult.Refused("no Slack channel to post to: set rewind.notifier.slack.channel "
                    + "(SLACK_CHANNEL)");
        }
        return answer("chat.postMessage", webApi.get().postMessage(authorization, body));
    }

    /** The first message rewritten to show the outcome; nothing to do when the outcome was itself the first. */
    private SendResult updateFirst(SlackPost post, SentBefore earlier) {
        Optional<String> first = earlier.first();
        if (first.isEmpty()) {
            return new SendResult.Refused("the incident has no Slack message to update: its first message was "
                    + "never delivered (see its notification-failed event)");
        }
        if (first.equals(earlier.of(post.updates()))) {
            return new SendResult.Delivered(first.get());
        }
        SlackThread thread = SlackThread.parse(first.get());
        ObjectNode body = post.message().deepCopy();
        body.put("channel", thread.channel());
        body.put("ts", thread.ts());
        return answer("chat.update", webApi.get().update(authorization, body));
    }

    private static SendResult answer(String method, Response response) {
        try (response) {
            if (response.getStatus() != 200) {
                return HttpAnswers.of("Slack " + method, response, null);
            }
            return SlackAnswers.of(method, response.hasEntity() ? response.readEntity(String.class) : null);
        }
    }

    private static Map<Integer, String> mentions(SlackConfig config) {
        Map<Integer, String> mentions = new HashMap<>();
        config.escalationMentions().forEach((level, mention) -> {
            int number;
            try {
                number = Integer.parseInt(level.trim());
            } catch (NumberFormatException notANumber) {
                number = 0;
            }
            if (number < 1 || number > 4) {
                throw new IllegalArgumentException("rewind.notifier.slack.escalation-mentions." + level
                        + ": the escalation levels are 1 to 4");
            }
            mentions.put(number, mention);
        });
        return mentions;
    }
}
