package dev.rewind.detector.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credentials of a source other than Alertmanager: its own variables in every message, and quiet when unused. */
class SourceCredentialsTest {

    private static final WebhookCredentials.Source DATADOG = new WebhookCredentials.Source("Datadog",
            "REWIND_DATADOG", "rewind.detector.sources.datadog.allow-anonymous", false);

    @Test
    void messagesNameTheSourcesOwnVariables() {
        WebhookCredentials token = new WebhookCredentials(DATADOG, Optional.of("dd-token"), Optional.empty(),
                Optional.empty(), false);

        assertThat(token.refusal(null)).get().asString()
                .contains("Authorization: Bearer <REWIND_DATADOG_TOKEN>").doesNotContain("ALERTMANAGER");
        assertThat(token.refusal("Bearer guess")).get().asString().contains("REWIND_DATADOG_TOKEN");
        assertThat(token.refusal("Basic Zm9vOmJhcg==")).get().asString().contains("takes a bearer token");
        assertThat(token.refusal("Bearer dd-token")).isEmpty();
    }

    @Test
    void anUnusedSourceRefusesEverythingButIsOnlyNotedAtStartUp() {
        WebhookCredentials none = new WebhookCredentials(DATADOG, Optional.empty(), Optional.empty(),
                Optional.empty(), false);

        assertThat(none.refusal("Bearer anything")).get().asString()
                .contains("no webhook credentials configured for Datadog").contains("REWIND_DATADOG_TOKEN");
        assertThat(none.startupErrors()).isEmpty();
        assertThat(none.startupNotice()).get().asString().contains("REWIND_DATADOG_TOKEN");
    }

    @Test
    void alertmanagerWithoutCredentialsIsStillAnErrorAtStartUp() {
        WebhookCredentials none = new WebhookCredentials(Optional.empty(), Optional.empty(), Optional.empty(), false);

        assertThat(none.startupErrors()).singleElement().asString().contains("ALERTMANAGER_TOKEN");
        assertThat(none.startupNotice()).isEmpty();
    }

    @Test
    void halfBasicCredentialsAreAnErrorForAnySource() {
        WebhookCredentials half = new WebhookCredentials(DATADOG, Optional.empty(), Optional.of("datadog"),
                Optional.empty(), false);

        assertThat(half.startupErrors()).singleElement().asString().contains("REWIND_DATADOG_PASSWORD");
    }

    @Test
    void anonymousAccessNamesTheSourcesKey() {
        WebhookCredentials anonymous = new WebhookCredentials(DATADOG, Optional.empty(), Optional.empty(),
                Optional.empty(), true);

        assertThat(anonymous.refusal(null)).isEmpty();
        assertThat(anonymous.startupNotice()).isEmpty();
        assertThat(anonymous.startupWarning()).get().asString()
                .contains("rewind.detector.sources.datadog.allow-anonymous=true");
    }
}
