package dev.rewind.sandbox.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackStandInTest {

    @Test
    void keepsTheNewestMessagesOnly() {
        SlackStandIn slack = new SlackStandIn();
        for (int i = 0; i < SlackStandIn.KEPT + 5; i++) {
            slack.received("{\"text\":\"" + i + "\"}");
        }
        assertThat(slack.messages()).hasSize(SlackStandIn.KEPT);
        assertThat(slack.messages().get(0).body()).isEqualTo("{\"text\":\"5\"}");
        assertThat(slack.messages().get(SlackStandIn.KEPT - 1).body()).isEqualTo("{\"text\":\"" + (SlackStandIn.KEPT + 4)
                + "\"}");
    }
}
