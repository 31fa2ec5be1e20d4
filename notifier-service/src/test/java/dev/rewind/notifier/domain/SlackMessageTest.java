package dev.rewind.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

    @Test
    void aHeaderIsCutToSlacks150Characters() {
        SlackMessage.Block header = SlackMessage.Block.header("x".repeat(200));

        assertThat(header.text().text()).hasSize(150).endsWith("…");
    }

    @Test
    void aFieldIsCutTo2000CharactersAndASectionTextTo3000() {
        List<String[]> rows = List.<String[]>of(new String[] {"Reason", "y".repeat(5000)});

        SlackMessage message = SlackMessage.withFields("headline", rows, "context");

        assertThat(message.blocks().get(1).fields().get(0).text()).hasSize(2000);
        assertThat(SlackMessage.Block.section("z".repeat(4000)).text().text()).hasSize(3000);
    }

    @Test
    void moreThanTenFieldsGoInASecondSection() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            rows.add(new String[] {"Row " + i, "value"});
        }

        SlackMessage message = SlackMessage.withFields("headline", rows, "context");

        assertThat(message.blocks()).extracting(SlackMessage.Block::type)
                .containsExactly("header", "section", "section", "context");
        assertThat(message.blocks().get(1).fields()).hasSize(10);
        assertThat(message.blocks().get(2).fields()).hasSize(3);
        assertThatThrownBy(() -> SlackMessage.Block.fields(Collections.nCopies(11, SlackMessage.Text.markdown("f"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fiftyBlocksAtMostAndTheFallbackTextIsCut() {
        assertThatThrownBy(() -> new SlackMessage("t", Collections.nCopies(51, SlackMessage.Block.divider())))
                .hasMessageContaining("at most 50 blocks");
        assertThat(new SlackMessage("t".repeat(5000), List.of()).text()).hasSize(4000);
    }

    @Test
    void escapingKeepsMentionsAndLinksFromWorking() {
        assertThat(SlackMessage.escape("<!here> & <@U1|x>")).isEqualTo("&lt;!here&gt; &amp; &lt;@U1|x&gt;");
    }
}
