package dev.rewind.cli;

import java.util.ArrayList;
import java.util.List;

/** Plain-text columns, each as wide as its widest cell, two spaces apart; the last column is not padded. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column headings; none for a table without a heading line. */
    public Table(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; null cells print as {@code -}. */
    public Table row(String... cells) {
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(cell == null || cell.isBlank() ? "-" : cell);
        }
        rows.add(row);
        return this;
    }

    /** The table, one line per row, each line ending in a line separator, indented by {@code indent}. */
    public String render(String indent) {
        List<List<String>> lines = new ArrayList<>();
        if (!header.isEmpty()) {
            lines.add(header);
        }
        lines.addAll(rows);
        int columns = lines.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder out = new StringBuilder(indent);
            for (int i = 0; i < line.size(); i++) {
                out.append(i == line.size() - 1 ? line.get(i) : pad(line.get(i), widths[i] + 2));
            }
            text.append(out.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }
}
