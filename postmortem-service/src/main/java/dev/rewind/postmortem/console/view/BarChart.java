package dev.rewind.postmortem.console.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn as SVG by the page itself (no script): one bar per row, scaled to the largest value or
 * to a fixed maximum (100 for percentages), each with its value in words.
 *
 * @param height the SVG's height in its own units, from the number of bars
 */
public record BarChart(String title, List<Bar> bars, int height) {

    /** The width of the bars' area, in the SVG's units (the label column is before it, the value after it). */
    public static final int TRACK = 420;
    private static final int ROW = 28;

    /**
     * One bar.
     *
     * @param y its top, in the SVG's units
     * @param width its length, from 0 to {@link #TRACK}
     * @param tone {@code bar}, {@code bar-good} or {@code bar-bad}: its colour
     */
    public record Bar(String label, String text, int y, int width, String tone) {

        /** The y of the bar's text baseline. */
        public int textY() {
            return y + 18;
        }

        /** The y of the bar's rectangle. */
        public int rectY() {
            return y + 5;
        }
    }

    /** One row to chart: its label, its value (null when there is none), and the value in words. */
    public record Row(String label, Double value, String text) {
    }

    /**
     * The chart of {@code rows}, each bar as long as its value against {@code max} (or, when null, the largest value),
     * coloured by {@code tone}.
     */
    public static BarChart of(String title, List<Row> rows, Double max, String tone) {
        double top = max != null ? max : rows.stream().filter(row -> row.value() != null)
                .mapToDouble(Row::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Row row : rows) {
            int width = row.value() == null || top <= 0 ? 0
                    : (int) Math.round(TRACK * Math.max(0, Math.min(1, row.value() / top)));
            bars.add(new Bar(row.label(), row.text(), y, width, tone));
            y += ROW;
        }
        return new BarChart(title, bars, Math.max(y, ROW));
    }
}
