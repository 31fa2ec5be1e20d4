package dev.rewind.approval.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackInteractionResourceTest {

    private static final String SECRET = "test-signing-secret";
    private static final long NOW = 1_763_216_790L;

    private final List<BlockActions> handled = new ArrayList<>();
    private final SlackInteractionResource resource = new SlackInteractionResource(Optional.of(new SlackSignature(
            SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), Duration.ofMinutes(5))),
            handled::add, SlackPayloads.JSON);

    @Test
    void withoutASigningSecretEveryInteractionIs503NamingTheSetting() {
        SlackInteractionResource off = new SlackInteractionResource(Optional.empty(), handled::add,
                SlackPayloads.JSON);
        byte[] body = SlackPayloads.form(SlackPayloads.approvePress());

        assertThatThrownBy(() -> off.interact(String.valueOf(NOW), SlackPayloads.signature(SECRET, NOW, body), body))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> {
                    assertThat(problem.getStatusCode()).isEqualTo(503);
                    assertThat(problem.getDetail()).contains("REWIND_SLACK_SIGNING_SECRET");
                });
        assertThat(handled).isEmpty();
    }

    @Test
    void aSignedPressIsHandledAndAnsweredWith200() {
        byte[] body = SlackPayloads.form(SlackPayloads.approvePress());

        assertThat(resource.interact(String.valueOf(NOW), SlackPayloads.signature(SECRET, NOW, body), body)
                .getStatus()).isEqualTo(200);
        assertThat(handled).singleElement().satisfies(payload -> {
            assertThat(payload.user().id()).isEqualTo("U024BE7LH");
            assertThat(payload.message().blocks()).hasSize(5);
        });
    }

    @Test
    void nothingIsReadBeforeTheSignatureHolds() {
        byte[] body = "payload=%7B%22type%22%3A%22block_actions%22".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> resource.interact(String.valueOf(NOW), "v0=" + "0".repeat(64), body))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.getStatusCode())
                        .isEqualTo(401));
        assertThat(handled).isEmpty();
    }

    @Test
    void aSignedBodyRewindCannotReadIsAnswered200AndIgnored() {
        byte[] notAForm = "payload=%ZZ".getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "payload=%7Bnot+json".getBytes(StandardCharsets.UTF_8);
        byte[] jsonNull = "payload=null".getBytes(StandardCharsets.UTF_8);

        for (byte[] body : List.of(notAForm, notJson, jsonNull)) {
            assertThat(resource.interact(String.valueOf(NOW), SlackPayloads.signature(SECRET, NOW, body), body)
                    .getStatus()).isEqualTo(200);
        }
        assertThat(handled).isEmpty();
    }
}
