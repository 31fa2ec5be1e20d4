package dev.rewind.notifier.pagerduty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventJson;
import dev.rewind.notifier.channel.HttpAnswers;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.NotificationChannel;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.channel.SendResult;
import dev.rewind.notifier.channel.SentBefore;
import dev.rewind.notifier.channel.VendorClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * PagerDuty through its Events API v2. Idempotent: PagerDuty de-duplicates alerts on their {@code dedup_key}, so a
 * send lost to a crash is simply sent again.
 */
@ApplicationScoped
public class PagerDutyChannel implements NotificationChannel {

    static final String VENDOR = "PagerDuty";

    private final PagerDutyConfig config;
    private final PagerDutyPlanner planner;
    private final PagerDutyEvents events;

    @Inject
    public PagerDutyChannel(PagerDutyConfig config) {
        this.config = config;
        this.planner = new PagerDutyPlanner(PagerDutyRules.of(config));
        this.events = VendorClients.build(PagerDutyEvents.class, config.url(), config.timeout());
    }

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public boolean enabled() {
        return config.routingKey().filter(key -> !key.isBlank()).isPresent();
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public List<Outgoing> plan(Notice notice) {
        return planner.plan(notice);
    }

    @Override
    public SendResult send(Outgoing outgoing, SentBefore earlier) {
        PagerDutyRequest request = PagerDutyRequest.parse(outgoing.payload());
        if (request.resolves()) {
            return resolve(earlier);
        }
        Optional<String> routingKey = routingKey(request.level());
        if (routingKey.isEmpty()) {
            return noRoutingKey(request.level());
        }
        ObjectNode event = request.event().deepCopy();
        event.put("routing_key", routingKey.get());
        String reference = event.hasNonNull("dedup_key") ? event.get("dedup_key").asText() : null;
        return post(request.endpoint(), event, reference);
    }

    /** Resolves every alert the incident raised; tried again whole if one fails (resolving twice is harmless). */
    private SendResult resolve(SentBefore earlier) {
        List<PagerDutyPlanner.Raised> raised = PagerDutyPlanner.raised(earlier);
        if (raised.isEmpty()) {
            return new SendResult.Skipped("the incident paged nobody on PagerDuty: nothing to resolve");
        }
        for (PagerDutyPlanner.Raised alert : raised) {
            Optional<String> routingKey = routingKey(alert.level());
            if (routingKey.isEmpty()) {
                return noRoutingKey(alert.level());
            }
            ObjectNode event = EventJson.mapper().createObjectNode()
                    .put("routing_key", routingKey.get())
                    .put("dedup_key", alert.dedupKey())
                    .put("event_action", "resolve");
            SendResult result = post(PagerDutyRequest.ENQUEUE, event, null);
            if (!(result instanceof SendResult.Delivered)) {
                return result;
            }
        }
        return new SendResult.Delivered(null);
    }

    private SendResult post(String endpoint, ObjectNode event, String reference) {
        try (Response response = PagerDutyRequest.CHANGE.equals(endpoint) ? events.change(event)
                : events.enqueue(event)) {
            return HttpAnswers.of(VENDOR, response, reference);
        } catch (ProcessingException unreachable) {
            return HttpAnswers.unreachable(VENDOR, unreachable);
        }
    }

    private Optional<String> routingKey(Integer level) {
        Optional<String> key = level == null ? config.routingKey()
                : Optional.ofNullable(config.escalationRoutingKeys().get(level));
        return key.filter(value -> !value.isBlank());
    }

    private static SendResult noRoutingKey(Integer level) {
        return new SendResult.Refused(level == null
                ? "PagerDuty has no routing key: set PAGERDUTY_ROUTING_KEY (rewind.notifier.pagerduty.routing-key)"
                : "PagerDuty has no routing key for escalation level " + level + " any more: set "
                        + "REWIND_NOTIFIER_PAGERDUTY_ESCALATION_ROUTING_KEYS_" + level
                        + ", or page that level by hand");
    }
}
