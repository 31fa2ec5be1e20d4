package dev.rewind.platform.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeopleTokensTest {

    @Test
    void withoutAKeySaysWhichVariablesToSet() {
        assertThat(PeopleTokens.missing(false, Optional.of("https://idp.example"))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_PUBLICKEY", "REWIND_JWT_ISSUER"));
    }

    @Test
    void withAKeyButNoIssuerAsksForTheIssuer() {
        assertThat(PeopleTokens.missing(true, Optional.empty())).hasValueSatisfying(reason -> assertThat(reason)
                .contains("REWIND_JWT_ISSUER").doesNotContain("PUBLICKEY"));
    }

    @Test
    void anUncheckedIssuerCountsAsNone() {
        assertThat(PeopleTokens.missing(true, Optional.of("NONE"))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("REWIND_JWT_ISSUER"));
    }

    @Test
    void aKeyAndAnIssuerAreEnough() {
        assertThat(PeopleTokens.missing(true, Optional.of("https://idp.example"))).isEmpty();
    }

    @Test
    void withOidcAProviderUrlIsEnough() {
        assertThat(PeopleTokens.missingForOidc(true, false, Optional.empty())).isEmpty();
    }

    @Test
    void withOidcAndNeitherProviderNorKeySaysWhichVariablesToSet() {
        assertThat(PeopleTokens.missingForOidc(false, false, Optional.empty())).hasValueSatisfying(reason ->
                assertThat(reason).contains("REWIND_OIDC_URL", "REWIND_OIDC_PUBLIC_KEY", "REWIND_JWT_ISSUER"));
    }

    @Test
    void withOidcAKeyNeedsAnIssuer() {
        assertThat(PeopleTokens.missingForOidc(false, true, Optional.empty())).hasValueSatisfying(reason ->
                assertThat(reason).contains("REWIND_JWT_ISSUER").doesNotContain("REWIND_OIDC_URL"));
        assertThat(PeopleTokens.missingForOidc(false, true, Optional.of("https://idp.example"))).isEmpty();
    }

    @Test
    void whereThePeopleSignInTheClientMustBeTheAudience() {
        assertThat(PeopleTokens.clientNotAudience("hybrid", "rewind-console", "rewind")).hasValueSatisfying(reason ->
                assertThat(reason).contains("REWIND_OIDC_CLIENT_ID 'rewind-console'", "REWIND_JWT_AUDIENCE 'rewind'"));
        assertThat(PeopleTokens.clientNotAudience("hybrid", "rewind", "rewind")).isEmpty();
        assertThat(PeopleTokens.clientNotAudience("service", "anything", "rewind")).as("bearer tokens only").isEmpty();
    }
}
