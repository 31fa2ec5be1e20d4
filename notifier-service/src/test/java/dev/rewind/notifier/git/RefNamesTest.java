package dev.rewind.notifier.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"v1.3.0", "1.3.0", "rewind/faulty/v1.3.0", "checkout-1.3.0+build.7", "release_2026-11-15",
            "sha-4f2dbc9", "@v1"})
    void acceptsWhatGitAccepts(String name) {
        assertThat(RefNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "sha256:4f2dbc96|':'",
            "v1 3|space",
            "v1~1|'~'",
            "v1^|'^'",
            "v1?|'?'",
            "v*|'*'",
            "v[1]|'['",
            "a\\b|'\\'",
            "v1..3|'..'",
            "v@{1}|'@{'",
            "/v1|empty part",
            "v1/|empty part",
            "a//b|empty part",
            "v1.|ends with '.'",
            ".hidden|starts with '.'",
            "rewind/.v1|starts with '.'",
            "v1.lock|'.lock'",
            "v1.lock/x|'.lock'",
            "@|'@'"})
    void refusesWhatGitRefuses(String name, String why) {
        assertThat(RefNames.problem(name)).hasValueSatisfying(problem -> assertThat(problem).contains(why));
    }

    @Test
    void refusesAnEmptyNameAndControlCharacters() {
        assertThat(RefNames.problem("")).isPresent();
        assertThat(RefNames.problem("v1\t")).isPresent();
        assertThat(RefNames.problem("v1\u007f")).isPresent();
    }
}
