package dev.rewind.detector.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookCredentialsTest {

    private static final WebhookCredentials TOKEN_AND_BASIC = new WebhookCredentials(Optional.of("s3cret-token"),
            Optional.of("alertmanager"), Optional.of("pa:ss"), false);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Bearer s3cret-token                      | accepted
            bearer   s3cret-token                    | accepted
            Basic alertmanager:pa:ss                 | accepted
            Bearer s3cret-token2                     | the bearer token is not the one configured
            Bearer                                   | the bearer token is not the one configured
            Basic alertmanager:wrong                 | the Basic credentials are not the ones configured
            Basic someone:pa:ss                      | the Basic credentials are not the ones configured
            Basic !!!not-base64                      | not base64 of <username>:<password>
            Digest username=x                        | unsupported Authorization scheme 'Digest'
            <none>                                   | missing Authorization header
            """)
    void acceptsOnlyTheConfiguredTokenOrBasicCredentials(String header, String expected) {
        Optional<String> refusal = TOKEN_AND_BASIC.refusal(authorization(header));

        if (expected.equals("accepted")) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).get().asString().contains(expected);
        }
    }

    @Test
    void withoutCredentialsEveryRequestIsRefusedNamingTheVariableToSet() {
        WebhookCredentials none = new WebhookCredentials(Optional.empty(), Optional.empty(), Optional.empty(), false);

        assertThat(none.refusal(null)).get().asString()
                .contains("no webhook credentials configured").contains("ALERTMANAGER_TOKEN");
        assertThat(none.refusal("Bearer anything")).get().asString().contains("ALERTMANAGER_TOKEN");
        assertThat(none.startupErrors()).singleElement().asString().contains("ALERTMANAGER_TOKEN");
        assertThat(none.startupWarning()).isEmpty();
    }

    @Test
    void blankSecretsCountAsNone() {
        WebhookCredentials blank = new WebhookCredentials(Optional.of(" "), Optional.of(""), Optional.of(""), false);

        assertThat(blank.refusal("Bearer  ")).get().asString().contains("no webhook credentials configured");
    }

    @Test
    void anonymousAccessMustBeSwitchedOnAndIsWarnedAbout() {
        WebhookCredentials anonymous = new WebhookCredentials(Optional.empty(), Optional.empty(), Optional.empty(),
                true);

        assertThat(anonymous.refusal(null)).isEmpty();
        assertThat(anonymous.startupErrors()).isEmpty();
        assertThat(anonymous.startupWarning()).get().asString().contains("allow-anonymous=true");
    }

    @Test
    void aUsernameWithoutPasswordEnablesNoBasicAuthAndIsAnError() {
        WebhookCredentials half = new WebhookCredentials(Optional.of("t"), Optional.of("alertmanager"),
                Optional.empty(), false);

        assertThat(half.refusal(authorization("Basic alertmanager:"))).get().asString()
                .contains("takes a bearer token");
        assertThat(half.startupErrors()).singleElement().asString().contains("ALERTMANAGER_PASSWORD");
    }

    @Test
    void challengesNameEachConfiguredScheme() {
        assertThat(TOKEN_AND_BASIC.challenges()).containsExactly("Bearer realm=\"rewind\"",
                "Basic realm=\"rewind\", charset=\"UTF-8\"");
    }

    /** "Basic user:pass" is written in clear in the table and encoded here, as a client would. */
    private static String authorization(String header) {
        if (header.equals("<none>")) {
            return null;
        }
        if (header.startsWith("Basic ") && !header.contains("!")) {
            String pair = header.substring("Basic ".length());
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return header;
    }
}
