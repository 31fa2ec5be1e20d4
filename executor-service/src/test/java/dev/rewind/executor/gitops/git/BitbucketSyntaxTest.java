package dev.rewind.executor.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How Bitbucket's listings are followed and its forms and queries written; its calls are in {@link GitHostsTest}. */
class BitbucketSyntaxTest {

    @Test
    void aListingsNextPageIsTheTokenOfItsNextLink() throws Exception {
        assertThat(BitbucketSyntax.nextPage(json("{\"next\": \"https://api.bitbucket.org/2.0/repositories/acme/deploy/"
                + "src/0a1b2c/apps/?pagelen=100&page=Zm9v%2Fbar\"}"))).isEqualTo("Zm9v/bar");
        assertThat(BitbucketSyntax.nextPage(json("{\"values\": []}"))).as("the last page").isNull();
    }

    @Test
    void aNextLinkWithoutAPageIsNotSilentlyTheEnd() throws Exception {
        JsonNode noPage = json("{\"next\": \"https://api.bitbucket.org/2.0/x?after=1\"}");

        assertThatThrownBy(() -> BitbucketSyntax.nextPage(noPage))
                .isInstanceOfSatisfying(GitHostFailed.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("cannot be read whole");
    }

    @Test
    void aCommitsFieldsAreFormEncodedAPlusAsItself() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("message", "Roll back & pin v1.2.5");
        fields.put("/apps/blue green/config+1.yaml", "image: a=b\n");

        assertThat(BitbucketSyntax.form(fields)).isEqualTo("message=Roll+back+%26+pin+v1.2.5"
                + "&%2Fapps%2Fblue+green%2Fconfig%2B1.yaml=image%3A+a%3Db%0A");
    }

    @Test
    void aBbqlStringIsQuotedWithItsQuotesAndBackslashesEscaped() {
        assertThat(BitbucketSyntax.quoted("rewind/rollback-42")).isEqualTo("\"rewind/rollback-42\"");
        assertThat(BitbucketSyntax.quoted("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    private static JsonNode json(String text) throws Exception {
        return HostCalls.JSON.readTree(text);
    }
}
