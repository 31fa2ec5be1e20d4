package dev.rewind.approval.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {

    // Slack's worked example (docs.slack.dev/authentication/verifying-requests-from-slack).
    private static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long DOC_TIMESTAMP = 1531420618L;
    private static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121"
            + ".803a0bc887a14d10d2c447fce8b6703c";
    private static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static final String SECRET = "test-signing-secret";
    private static final long NOW = 1_763_216_790L;
    private final SlackSignature signature = at(SECRET, NOW);
    private final byte[] body = SlackPayloads.form(SlackPayloads.approvePress());

    @Test
    void acceptsSlacksOwnWorkedExample() {
        assertThat(at(DOC_SECRET, DOC_TIMESTAMP + 60).refusal(String.valueOf(DOC_TIMESTAMP), DOC_SIGNATURE,
                DOC_BODY.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void acceptsABlockActionsFormSignedWithTheSigningSecret() {
        assertThat(signature.refusal(String.valueOf(NOW), SlackPayloads.signature(SECRET, NOW, body), body)).isEmpty();
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        assertThat(signature.refusal(String.valueOf(NOW), SlackPayloads.signature("another-app", NOW, body), body))
                .hasValueSatisfying(reason -> assertThat(reason).contains("does not match")
                        .contains("REWIND_SLACK_SIGNING_SECRET"));
    }

    @Test
    void refusesATamperedBody() {
        String signed = SlackPayloads.signature(SECRET, NOW, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("U024BE7LH", "U0HIJACK1")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(signature.refusal(String.valueOf(NOW), signed, tampered)).isPresent();
    }

    @Test
    void refusesATimestampOtherThanTheOneSigned() {
        String signed = SlackPayloads.signature(SECRET, NOW - 10, body);

        assertThat(signature.refusal(String.valueOf(NOW), signed, body)).isPresent();
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesAwayEitherWay() {
        long stale = NOW - 301;
        long future = NOW + 301;

        assertThat(signature.refusal(String.valueOf(stale), SlackPayloads.signature(SECRET, stale, body), body))
                .hasValueSatisfying(reason -> assertThat(reason).contains("301 s away").contains("replayed"));
        assertThat(signature.refusal(String.valueOf(future), SlackPayloads.signature(SECRET, future, body), body))
                .isPresent();
    }

    @Test
    void acceptsTimestampsJustWithinFiveMinutes() {
        long old = NOW - 300;

        assertThat(signature.refusal(String.valueOf(old), SlackPayloads.signature(SECRET, old, body), body)).isEmpty();
    }

    @Test
    void refusesMissingHeadersAndTimestampsThatAreNotNumbers() {
        String signed = SlackPayloads.signature(SECRET, NOW, body);

        assertThat(signature.refusal(null, signed, body)).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("missing X-Slack-Request-Timestamp or X-Slack-Signature"));
        assertThat(signature.refusal(String.valueOf(NOW), null, body)).isPresent();
        assertThat(signature.refusal(String.valueOf(NOW), "", body)).isPresent();
        assertThat(signature.refusal("yesterday", signed, body)).hasValueSatisfying(reason ->
                assertThat(reason).contains("not a Unix time"));
    }

    @Test
    void refusesASignatureOfAnotherVersion() {
        String v1 = SlackPayloads.signature(SECRET, NOW, body).replace("v0=", "v1=");

        assertThat(signature.refusal(String.valueOf(NOW), v1, body)).isPresent();
    }

    private static SlackSignature at(String secret, long epochSecond) {
        return new SlackSignature(secret, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC),
                Duration.ofMinutes(5));
    }
}
