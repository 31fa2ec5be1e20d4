package dev.rewind.postmortem.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics page's horizontal bar charts: bar lengths, positions and the chart's height. */
class BarChartTest {

    private static BarChart.Row row(String label, Double value) {
        return new BarChart.Row(label, value, value == null ? "—" : String.valueOf(value));
    }

    @Test
    void withoutAFixedMaximumTheLargestValueFillsTheTrackAndTheOthersScaleToIt() {
        BarChart chart = BarChart.of("Rollbacks", List.of(row("a", 10.0), row("b", 5.0), row("c", 2.5), row("d", 0.0)),
                null, "bar");

        assertThat(chart.bars()).extracting(BarChart.Bar::width)
                .containsExactly(BarChart.TRACK, BarChart.TRACK / 2, BarChart.TRACK / 4, 0);
    }

    @Test
    void withAFixedMaximumBarsScaleToItAndNoneOverflowsTheTrack() {
        BarChart chart = BarChart.of("Success rate", List.of(row("a", 50.0), row("b", 100.0), row("c", 150.0),
                row("d", 33.3)), 100.0, "bar-good");

        assertThat(chart.bars()).extracting(BarChart.Bar::width).containsExactly(BarChart.TRACK / 2, BarChart.TRACK,
                BarChart.TRACK, (int) Math.round(BarChart.TRACK * 0.333));
    }

    @Test
    void aRowWithoutAValueHasNoBar() {
        BarChart chart = BarChart.of("Median", List.of(row("a", null), row("b", 4.0)), null, "bar");

        assertThat(chart.bars()).extracting(BarChart.Bar::width).containsExactly(0, BarChart.TRACK);
        assertThat(chart.bars().get(0).text()).isEqualTo("—");
    }

    @Test
    void rowsWithoutValuesOrOnlyZerosDrawNoBars() {
        assertThat(BarChart.of("t", List.of(row("a", null), row("b", null)), null, "bar").bars())
                .extracting(BarChart.Bar::width).containsExactly(0, 0);
        assertThat(BarChart.of("t", List.of(row("a", 0.0), row("b", 0.0)), null, "bar").bars())
                .extracting(BarChart.Bar::width).containsExactly(0, 0);
        assertThat(BarChart.of("t", List.of(row("a", 3.0)), 0.0, "bar").bars())
                .extracting(BarChart.Bar::width).containsExactly(0);
    }

    @Test
    void eachBarIsOneRowBelowThePreviousAndTheChartIsAsTallAsItsRows() {
        BarChart chart = BarChart.of("t", List.of(row("a", 1.0), row("b", 2.0), row("c", 3.0)), null, "bar");

        assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(0, 28, 56);
        assertThat(chart.bars()).extracting(BarChart.Bar::rectY).containsExactly(5, 33, 61);
        assertThat(chart.bars()).extracting(BarChart.Bar::textY).containsExactly(18, 46, 74);
        assertThat(chart.height()).isEqualTo(84);
    }

    @Test
    void aChartWithoutRowsIsStillOneRowTall() {
        BarChart chart = BarChart.of("Nothing yet", List.of(), null, "bar");

        assertThat(chart.bars()).isEmpty();
        assertThat(chart.height()).isEqualTo(28);
    }

    @Test
    void eachBarKeepsItsRowsLabelAndWordsAndTheChartsTitleAndTone() {
        BarChart chart = BarChart.of("Deadlines met", List.of(new BarChart.Row("P1", 0.875, "87.5%")), 1.0,
                "bar-bad");

        assertThat(chart.title()).isEqualTo("Deadlines met");
        assertThat(chart.bars()).containsExactly(new BarChart.Bar("P1", "87.5%", 0, (int) Math.round(BarChart.TRACK * 0.875), "bar-bad"));
    }
}
