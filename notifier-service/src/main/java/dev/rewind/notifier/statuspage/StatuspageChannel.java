package dev.rewind.notifier.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Supplier;

/**
 * The public status page through the Atlassian Statuspage API. Not idempotent: a create sent twice opens two
 * incidents, so a send lost to a crash is reported rather than repeated.
 */
@ApplicationScoped
public class StatuspageChannel implements NotificationChannel {

    static final String VENDOR = "Statuspage";

    private final StatuspageConfig config;
    private final StatuspagePlanner planner;
    private final StatuspageApi api;

    @Inject
    public StatuspageChannel(StatuspageConfig config) {
        this.config = config;
        this.planner = new StatuspagePlanner(StatuspageRules.of(config));
        this.api = VendorClients.build(StatuspageApi.class, config.url(), config.timeout());
    }

    @Override
    public String name() {
        return "statuspage";
    }

    @Override
    public boolean enabled() {
        return config.apiKey().filter(key -> !key.isBlank()).isPresent()
                && config.pageId().filter(id -> !id.isBlank()).isPresent();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public List<Outgoing> plan(Notice notice) {
        return planner.plan(notice);
    }

    @Override
    public SendResult send(Outgoing outgoing, SentBefore earlier) {
        StatuspageRequest request = StatuspageRequest.parse(outgoing.payload());
        String pageId = config.pageId().orElseThrow();
        String authorization = "OAuth " + config.apiKey().orElseThrow();
        if (request.opens()) {
            return call(() -> api.create(pageId, authorization, request.body()), null);
        }
        Optional<String> incidentId = earlier.of(StatuspagePlanner.OPEN);
        if (incidentId.isEmpty()) {
            return new SendResult.Refused("no status page incident to update: opening it failed (see the "
                    + "notification-failed event of 'incident-opened' on channel statuspage) or Statuspage returned no "
                    + "incident id; update the status page by hand");
        }
        return call(() -> api.update(pageId, incidentId.get(), authorization, request.body()), incidentId.get());
    }

    /** Sends one request; the reference is the incident id, the one Statuspage answered when opening it. */
    private static SendResult call(Supplier<Response> request, String incidentId) {
        try (Response response = request.get()) {
            String reference = incidentId;
            if (reference == null && response.getStatus() / 100 == 2) {
                reference = incidentIdOf(response);
            }
            return HttpAnswers.of(VENDOR, response, reference);
        } catch (ProcessingException unreachable) {
            return HttpAnswers.unreachable(VENDOR, unreachable);
        }
    }

    /** The {@code id} of the incident Statuspage answered with, or null when its answer has none. */
    static String incidentIdOf(Response response) {
        try {
            JsonNode incident = EventJson.mapper().readTree(response.readEntity(String.class));
            return incident != null && incident.hasNonNull("id") ? incident.get("id").asText() : null;
        } catch (RuntimeException | JsonProcessingException unreadable) {
            return null;
        }
    }
}
