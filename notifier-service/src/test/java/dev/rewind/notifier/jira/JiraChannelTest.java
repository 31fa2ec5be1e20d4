package dev.rewind.notifier.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.channel.SendResult;
import dev.rewind.notifier.channel.SentBefore;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The Jira edge against a scripted API. */
class JiraChannelTest {

    private static final Outgoing TICKET = new Outgoing(FollowUpTicket.NOTIFICATION, FollowUpTicket.SUMMARY,
            "{\"fields\":{\"project\":{\"key\":\"OPS\"},\"summary\":\"Follow up\"}}");

    private final ScriptedJira jira = new ScriptedJira();
    private final JiraChannel channel = new JiraChannel(new FollowUpTicket(new FollowUpTicket.Settings("OPS", "Task",
            List.of(), Set.of(), Duration.ofHours(24))), jira, "rewind@example.com", "jira-token");

    @Test
    void theCreatedIssuesKeyIsTheReferenceAndTheRequestUsesBasicAuth() {
        jira.answer = () -> json(201, "{\"id\":\"10001\",\"key\":\"OPS-123\",\"self\":\"https://acme/10001\"}");

        assertThat(channel.send(TICKET, SentBefore.nothing())).isEqualTo(new SendResult.Delivered("OPS-123",
                "Follow-up ticket OPS-123 opened (Jira)"));
        assertThat(jira.authorizations).containsExactly("Basic " + Base64.getEncoder()
                .encodeToString("rewind@example.com:jira-token".getBytes()));
        assertThat(jira.issues.get(0).at("/fields/project/key").asText()).isEqualTo("OPS");
    }

    @Test
    void aBadProjectIsRefusedWithJirasWordsAndTheSettingsToCheck() {
        jira.answer = () -> json(400, "{\"errorMessages\":[],\"errors\":{\"project\":\"valid project is required\"}}");

        SendResult result = channel.send(TICKET, SentBefore.nothing());

        assertThat(result).isInstanceOf(SendResult.Refused.class);
        assertThat(((SendResult.Refused) result).reason()).contains("Jira answered 400", "valid project is required",
                "rewind.notifier.jira.project", "rewind.notifier.jira.issue-type");
    }

    @Test
    void aBadTokenIsRefusedNamingTheCredentials() {
        jira.answer = () -> json(401, "");

        SendResult result = channel.send(TICKET, SentBefore.nothing());

        assertThat(((SendResult.Refused) result).reason()).contains("Jira answered 401", "JIRA_API_TOKEN");
    }

    @Test
    void a429OrA5xxOrNoAnswerIsTriedAgain() {
        jira.answer = () -> Response.status(429).header("Retry-After", "5").build();
        assertThat(channel.send(TICKET, SentBefore.nothing()))
                .isInstanceOfSatisfying(SendResult.Retry.class,
                        retry -> assertThat(retry.after()).isEqualTo(Duration.ofSeconds(5)));

        jira.answer = () -> Response.status(503).build();
        assertThat(channel.send(TICKET, SentBefore.nothing())).isInstanceOf(SendResult.Retry.class);

        jira.answer = () -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        };
        assertThat(channel.send(TICKET, SentBefore.nothing())).isInstanceOf(SendResult.Retry.class);
    }

    @Test
    void aCreatedIssueWithoutAReadableKeyIsStillDelivered() {
        jira.answer = () -> json(201, "not json");

        assertThat(channel.send(TICKET, SentBefore.nothing())).isEqualTo(new SendResult.Delivered(null));
    }

    @Test
    void aRepeatedCreateMayOpenASecondTicketSoTheChannelIsNotIdempotent() {
        assertThat(channel.idempotent()).isFalse();
        assertThat(channel.name()).isEqualTo("jira");
    }

    private static Response json(int status, String body) {
        return Response.status(status).entity(body).build();
    }

    /** A Jira answering with {@code answer}, recording each issue and its credentials. */
    static final class ScriptedJira implements JiraApi {

        Supplier<Response> answer;
        final List<String> authorizations = new ArrayList<>();
        final List<JsonNode> issues = new ArrayList<>();

        @Override
        public Response createIssue(String authorization, JsonNode issue) {
            authorizations.add(authorization);
            issues.add(issue);
            return answer.get();
        }
    }
}
