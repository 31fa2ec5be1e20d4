package dev.rewind.executor.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bitbucket's two ways in: an access token as a bearer token, an account's API token by basic authentication. */
class BitbucketCredentialsTest {

    @Test
    void anAccessTokenIsABearerToken() {
        assertThat(BitbucketCredentials.authorization(Optional.empty(), "s3cret")).isEqualTo("Bearer s3cret");
    }

    @Test
    void anApiTokenGoesWithTheAccountsEmailByBasicAuthentication() {
        // echo -n 'rewind@example.com:s3cret' | base64
        assertThat(BitbucketCredentials.authorization(Optional.of("rewind@example.com"), "s3cret"))
                .isEqualTo("Basic cmV3aW5kQGV4YW1wbGUuY29tOnMzY3JldA==");
    }
}
