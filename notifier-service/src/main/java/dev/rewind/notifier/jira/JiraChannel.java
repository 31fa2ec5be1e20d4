package dev.rewind.notifier.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventJson;
import dev.rewind.notifier.channel.HttpAnswers;
import dev.rewind.notifier.channel.NotificationChannel;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.channel.SendResult;
import dev.rewind.notifier.channel.SentBefore;
import dev.rewind.notifier.channel.VendorClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Opens the follow-up ticket in Jira Cloud after a successful rollback; the delivery's reference is the ticket's
 * key ({@code OPS-123}).
 */
@ApplicationScoped
public class JiraChannel implements NotificationChannel {

    /** The channel's name in deliveries, metrics and events. */
    public static final String NAME = "jira";

    static final String VENDOR = "Jira";

    private static final Logger LOG = Logger.getLogger(JiraChannel.class);

    private final Optional<FollowUpTicket> tickets;
    private final JiraApi api;
    private final String authorization;

    @Inject
    public JiraChannel(JiraConfig config) {
        List<String> missing = missing(config);
        if (missing.isEmpty()) {
            this.tickets = Optional.of(new FollowUpTicket(new FollowUpTicket.Settings(config.project().orElseThrow(),
                    config.issueType(), config.labels().orElse(List.of()), config.environments().orElse(Set.of()),
                    config.postMortemWithin())));
            this.api = VendorClients.build(JiraApi.class, config.url().orElseThrow(), config.timeout());
            this.authorization = basic(config.email().orElseThrow(), config.apiToken().orElseThrow());
        } else {
            if (missing.size() < 4) {
                // Partly configured: someone meant to turn tickets on; say what is missing rather than stay silent.
                LOG.warnf("Jira follow-up tickets are off: %s not set", String.join(", ", missing));
            }
            this.tickets = Optional.empty();
            this.api = null;
            this.authorization = null;
        }
    }

    /** A channel sending through {@code api}, for tests of the sending edge. */
    JiraChannel(FollowUpTicket tickets, JiraApi api, String email, String apiToken) {
        this.tickets = Optional.of(tickets);
        this.api = api;
        this.authorization = basic(email, apiToken);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return tickets.isPresent();
    }

    /** Jira has no idempotency key: a create whose answer was lost may have opened a ticket already. */
    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public List<Outgoing> plan(Notice notice) {
        return tickets.flatMap(ticket -> ticket.plan(notice)).map(List::of).orElse(List.of());
    }

    @Override
    public SendResult send(Outgoing outgoing, SentBefore earlier) {
        JsonNode issue;
        try {
            issue = EventJson.mapper().readTree(outgoing.payload());
        } catch (JsonProcessingException unreadable) {
            return new SendResult.Refused("the planned Jira issue is not JSON: " + unreadable.getOriginalMessage());
        }
        try (Response response = api.createIssue(authorization, issue)) {
            if (response.getStatus() / 100 != 2) {
                return withAdvice(HttpAnswers.of(VENDOR, response, null), response.getStatus());
            }
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            String key = keyOf(body);
            return new SendResult.Delivered(key, key == null ? null : "Follow-up ticket " + key + " opened (Jira)");
        } catch (ProcessingException unreachable) {
            return HttpAnswers.unreachable(VENDOR, unreachable);
        }
    }

    /** What an SRE must change when Jira refuses: credentials on 401/403, the project or issue type on 400. */
    private static SendResult withAdvice(SendResult result, int status) {
        if (!(result instanceof SendResult.Refused refused)) {
            return result;
        }
        String advice = switch (status) {
            case 401, 403 -> ": check rewind.notifier.jira.email and the API token (JIRA_API_TOKEN); the account needs "
                    + "permission to create issues in the project";
            case 400 -> ": check rewind.notifier.jira.project and rewind.notifier.jira.issue-type name an existing "
                    + "project and one of its issue types";
            case 404 -> ": check rewind.notifier.jira.url is the Jira Cloud site, such as https://acme.atlassian.net";
            default -> "";
        };
        return new SendResult.Refused(refused.reason() + advice);
    }

    private static String keyOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            String key = EventJson.mapper().readTree(body).path("key").asText(null);
            return key == null || key.isBlank() ? null : key;
        } catch (JsonProcessingException unreadable) {
            return null; // created all the same; only the key is lost
        }
    }

    private static List<String> missing(JiraConfig config) {
        List<String> missing = new ArrayList<>();
        if (config.url().isEmpty()) {
            missing.add("rewind.notifier.jira.url (JIRA_URL)");
        }
        if (config.email().filter(value -> !value.isBlank()).isEmpty()) {
            missing.add("rewind.notifier.jira.email (JIRA_EMAIL)");
        }
        if (config.apiToken().filter(value -> !value.isBlank()).isEmpty()) {
            missing.add("rewind.notifier.jira.api-token (JIRA_API_TOKEN)");
        }
        if (config.project().filter(value -> !value.isBlank()).isEmpty()) {
            missing.add("rewind.notifier.jira.project (JIRA_PROJECT)");
        }
        return missing;
    }

    private static String basic(String email, String apiToken) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + apiToken)
                .getBytes(StandardCharsets.UTF_8));
    }
}
