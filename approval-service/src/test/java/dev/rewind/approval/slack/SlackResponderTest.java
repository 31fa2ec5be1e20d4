package dev.rewind.approval.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackResponderTest {

    private static final String SLACK = "https://hooks.slack.com/";

    @Test
    void repliesOnlyUnderTheConfiguredPrefix() {
        assertThat(SlackResponder.allowed("https://hooks.slack.com/actions/T9TK3CUKW/811/Pw3c", SLACK)).isPresent();
        assertThat(SlackResponder.allowed("https://attacker.example/actions/T9TK3CUKW/811/Pw3c", SLACK)).isEmpty();
        assertThat(SlackResponder.allowed("http://hooks.slack.com/actions/T9TK3CUKW/811/Pw3c", SLACK)).isEmpty();
        assertThat(SlackResponder.allowed(null, SLACK)).isEmpty();
    }

    @Test
    void aPrefixWithoutItsSlashDoesNotLetALookalikeHostThrough() {
        assertThat(SlackResponder.allowed("https://hooks.slack.com.attacker.example/actions/x",
                "https://hooks.slack.com")).isEmpty();
        assertThat(SlackResponder.allowed("https://hooks.slack.com/actions/x", "https://hooks.slack.com"))
                .isPresent();
    }

    @Test
    void userInfoCannotMoveTheRealHostPastThePrefix() {
        assertThat(SlackResponder.allowed("http://127.0.0.1:80@attacker.example/x", "http://127.0.0.1:")).isEmpty();
        assertThat(SlackResponder.allowed("https://hooks.slack.com/@attacker.example/x", SLACK)).isPresent();
        assertThat(SlackResponder.allowed("http://127.0.0.1:41234/actions/x", "http://127.0.0.1:")).isPresent();
    }
}
