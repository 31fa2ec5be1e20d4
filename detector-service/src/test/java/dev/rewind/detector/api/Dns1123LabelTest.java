package dev.rewind.detector.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Dns1123LabelTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "checkout", "svc-1", "0",
            "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsDns1123Labels(String value) {
        assertThat(Dns1123Label.violation(value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            shop/checkout | contains '/'
            Checkout      | contains the upper-case letter 'C'
            café          | contains the non-ASCII character 'é' (U+00E9)
            -checkout     | begins with '-'
            checkout-     | ends with '-'
            shop.checkout | contains '.'
            a b           | contains ' '
            """)
    void saysWhichRuleAPresentLabelBreaks(String value, String reason) {
        assertThat(Dns1123Label.violation(value)).get().asString()
                .startsWith(Dns1123Label.RULE)
                .contains("got '" + value + "', which " + reason);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 300})
    void reportsTheLengthOfALongLabelAndEchoesOnlyItsBeginning(int length) {
        String value = "a".repeat(length);

        assertThat(Dns1123Label.violation(value)).get().asString()
                .contains("is " + length + " characters long")
                .contains("at most 63 characters")
                .doesNotContain(value);
    }
}
