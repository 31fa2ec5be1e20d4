package dev.rewind.executor.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bitbucket's words are read from its error shape only. */
class BitbucketErrorsTest {

    @Test
    void bitbucketsMessageAndDetailAreItsWords() {
        assertThat(BitbucketErrors.message("{\"type\": \"error\", \"error\": {\"message\": \"Bad request\", "
                + "\"detail\": \"no such branch\"}}")).contains("Bad request: no such branch");
        assertThat(BitbucketErrors.message("{\"type\": \"error\", \"error\": {\"message\": \"Unauthorized\"}}"))
                .contains("Unauthorized");
    }

    @Test
    void anyOtherBodyHasNone() {
        assertThat(BitbucketErrors.message("{\"message\": \"Bad credentials\"}")).isEmpty();
        assertThat(BitbucketErrors.message("<html><body>Bad gateway</body></html>")).isEmpty();
        assertThat(BitbucketErrors.message("")).isEmpty();
        assertThat(BitbucketErrors.message(null)).isEmpty();
    }
}
