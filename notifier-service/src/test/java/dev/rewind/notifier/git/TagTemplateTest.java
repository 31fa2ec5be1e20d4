package dev.rewind.notifier.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TagTemplateTest {

    private static final Map<String, String> CHECKOUT = Map.of("version", "1.3.0", "service", "checkout",
            "namespace", "payments", "environment", "production");

    @Test
    void theDefaultsNameTheReleaseByItsVersionAndTheFaultyTagUnderRewind() {
        assertThat(TagTemplate.of("rewind.notifier.git.version-tag", "{version}").render(CHECKOUT))
                .isEqualTo("1.3.0");
        assertThat(TagTemplate.of("rewind.notifier.git.faulty-tag", "rewind/faulty/{version}").render(CHECKOUT))
                .isEqualTo("rewind/faulty/1.3.0");
    }

    @Test
    void aPrefixOrTheServiceNameMapsVersionsToTheTagsOfAMonorepo() {
        assertThat(TagTemplate.of("k", "v{version}").render(CHECKOUT)).isEqualTo("v1.3.0");
        assertThat(TagTemplate.of("k", "{service}-{version}").render(CHECKOUT)).isEqualTo("checkout-1.3.0");
        assertThat(TagTemplate.of("k", "faulty/{environment}/{namespace}/{service}/{version}").render(CHECKOUT))
                .isEqualTo("faulty/production/payments/checkout/1.3.0");
    }

    @Test
    void aVersionWithRegexCharactersIsCopiedAsItIs() {
        assertThat(TagTemplate.of("k", "v{version}").render(Map.of("version", "1.3.0+build$1\\x")))
                .isEqualTo("v1.3.0+build$1\\x");
    }

    @Test
    void aValidTemplateHasNoProblem() {
        assertThat(TagTemplate.of("k", "release-{service}-{version}").problem()).isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsAProblemNamingTheKeyAndTheKnownPlaceholders() {
        TagTemplate template = TagTemplate.of("rewind.notifier.git.version-tag", "v{tag}-{version}");

        assertThat(template.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("rewind.notifier.git.version-tag='v{tag}-{version}'", "{tag}", "{version}, {service}"));
    }

    @Test
    void aTemplateWithoutTheVersionIsAProblemSinceEveryReleaseWouldShareOneTag() {
        assertThat(TagTemplate.of("rewind.notifier.git.faulty-tag", "rewind/faulty").problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("must contain {version}"));
    }

    @Test
    void anEmptyTemplateIsAProblem() {
        assertThat(TagTemplate.of("rewind.notifier.git.faulty-tag", " ").problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("rewind.notifier.git.faulty-tag is empty"));
    }

    @Test
    void describeNamesTheKeyAndItsValue() {
        assertThat(TagTemplate.of("rewind.notifier.git.version-tag", "v{version}").describe())
                .isEqualTo("rewind.notifier.git.version-tag='v{version}'");
    }
}
