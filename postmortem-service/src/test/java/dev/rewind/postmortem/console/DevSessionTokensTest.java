package dev.rewind.postmortem.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * When the development sign-in refuses to start: beside an identity provider, outside the dev stack's set-up, without
 * its key or its issuer.
 */
class DevSessionTokensTest {

    @Test
    void theSignInStartsWithAKeyAndAnIssuerAndNoIdentityProvider() {
        assertThat(DevSessionTokens.problem(false, "service", "dev-session", true, true)).isEmpty();
    }

    @Test
    void theSignInRefusesToStartBesideAnIdentityProviderWhateverElseIsSet() {
        assertThat(DevSessionTokens.problem(true, "service", "dev-session", true, true)).hasValueSatisfying(problem ->
                assertThat(problem).contains("beside an identity provider (REWIND_OIDC_URL)").contains("turn it off"));
        assertThat(DevSessionTokens.problem(true, "service", "dev-session", false, false)).hasValueSatisfying(problem ->
                assertThat(problem).contains("beside an identity provider"));
    }

    @Test
    void theSignInRefusesToStartWithoutAKeyToSignSessionsWith() {
        assertThat(DevSessionTokens.problem(false, "service", "dev-session", false, true)).hasValueSatisfying(problem ->
                assertThat(problem).contains("REWIND_CONSOLE_DEV_KEY names no private key"));
        assertThat(DevSessionTokens.problem(false, "service", "dev-session", false, false)).hasValueSatisfying(problem ->
                assertThat(problem).contains("REWIND_CONSOLE_DEV_KEY"));
    }

    @Test
    void theSignInRefusesToStartUnlessTheServiceIsSetUpAsTheDevStackSetsIt() {
        assertThat(DevSessionTokens.problem(false, "hybrid", "dev-session", true, true)).hasValueSatisfying(problem ->
                assertThat(problem).contains("REWIND_OIDC_APPLICATION_TYPE=service", "hybrid"));
        assertThat(DevSessionTokens.problem(false, "service", "code", true, true)).hasValueSatisfying(problem ->
                assertThat(problem).contains("REWIND_CONSOLE_SIGN_IN=dev-session", "code"));
    }

    @Test
    void theSignInRefusesToStartWithoutTheIssuerTheServiceVerifies() {
        assertThat(DevSessionTokens.problem(false, "service", "dev-session", true, false)).hasValueSatisfying(problem ->
                assertThat(problem).contains("REWIND_JWT_ISSUER is unset"));
    }
}
