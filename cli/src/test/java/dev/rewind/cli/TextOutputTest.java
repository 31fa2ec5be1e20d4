package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tables, durations and one-line reports as the CLI prints them. */
class TextOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NL = System.lineSeparator();

    @Test
    void aTablesColumnsAreAsWideAsTheirWidestCell() {
        String table = new Table("A", "LONG HEADING", "LAST").row("wide cell", null, "x").row("b", "c", "")
                .render("");

        assertThat(table).isEqualTo("A          LONG HEADING  LAST" + NL
                + "wide cell  -             x" + NL
                + "b          c             -" + NL);
    }

    @ParameterizedTest
    @CsvSource({"PT0S,0s", "PT45S,45s", "PT4M29S,4m29s", "PT1H5M,1h05m", "PT51H,2d03h", "PT-12S,-12s"})
    void durationsAreShort(String iso, String text) {
        assertThat(TextTime.duration(Duration.parse(iso))).isEqualTo(text);
    }

    @Test
    void offsetsCarryTheirSign() {
        assertThat(TextTime.offset(Duration.ofSeconds(269))).isEqualTo("+4m29s");
        assertThat(TextTime.offset(Duration.ofSeconds(-120))).isEqualTo("-2m00s");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"deadline\":\"PENDING\",\"deadlineAt\":\"2026-11-29T05:15:00Z\"}|10m00s left",
            "{\"deadline\":\"PENDING\",\"deadlineAt\":\"2026-11-29T05:04:00Z\"}|overdue 1m00s",
            "{\"deadline\":\"MET\",\"timeToRollBack\":\"PT4M29S\"}|met (4m29s)",
            "{\"deadline\":\"MISSED\",\"timeToRollBack\":null}|missed",
            "{\"deadline\":\"NOT_APPLICABLE\"}|"})
    void theDeadlineSaysHowMuchTimeIsLeftOrHowItWent(String incident, String text) throws Exception {
        JsonNode node = JSON.readTree(incident);

        assertThat(IncidentTable.deadline(node, Instant.parse("2026-11-29T05:05:00Z"))).isEqualTo(text);
    }

    @Test
    void aRepeatedVoteSaysNothingChanged() throws Exception {
        JsonNode result = JSON.readTree("{\"incidentNumber\":12,\"target\":\"production/shop/checkout\","
                + "\"severity\":\"P2\",\"state\":\"PENDING\",\"approvedBy\":[\"bob\"],"
                + "\"stillNeeded\":\"1 of team-lead+reviewer\",\"repeated\":true}");

        assertThat(VoteReport.render(result)).isEqualTo("INCIDENT-12 production/shop/checkout P2: PENDING; "
                + "approved by bob; still needed: 1 of team-lead+reviewer (you had cast this vote already: "
                + "nothing changed)");
    }
}
