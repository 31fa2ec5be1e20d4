package dev.rewind.platform.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeopleTokensTest {

    @Test
    void withoutAKeySaysWhichVariablesToSet() {
        assertThat(PeopleTokens.missing(false, true)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_PUBLICKEY", "REWIND_JWT_ISSUER"));
    }

    @Test
    void withAKeyButNoIssuerAsksForTheIssuer() {
        assertThat(PeopleTokens.missing(true, false)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("REWIND_JWT_ISSUER").doesNotContain("PUBLICKEY"));
    }

    @Test
    void aKeyAndAnIssuerAreEnough() {
        assertThat(PeopleTokens.missing(true, true)).isEmpty();
    }
}
