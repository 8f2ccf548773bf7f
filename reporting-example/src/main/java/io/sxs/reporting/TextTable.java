package io.sxs.reporting;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns: numbers right-aligned, text left-aligned, for a terminal or a log. */
final class TextTable {

    /** A column's heading and whether its values are right-aligned (amounts, counts). */
    record Column(String heading, boolean rightAligned) {
        static Column text(String heading) {
            return new Column(heading, false);
        }

        static Column number(String heading) {
            return new Column(heading, true);
        }
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();
    /** Rows before which a rule is drawn (totals). */
    private final List<Integer> rulesBefore = new ArrayList<>();

    TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    TextTable row(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + cells.size() + " cells");
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
        return this;
    }

    /** Draws a rule before the next row, e.g. above the totals. */
    TextTable rule() {
        rulesBefore.add(rows.size());
        return this;
    }

    String render() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).heading().length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(Column::heading).toList(), widths);
        ruleLine(out, widths);
        for (int r = 0; r < rows.size(); r++) {
            if (rulesBefore.contains(r) && r > 0) {
                ruleLine(out, widths);
            }
            line(out, rows.get(r), widths);
        }
        if (rows.isEmpty()) {
            out.append("(none)\n");
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(columns.get(i).rightAligned() ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void ruleLine(StringBuilder out, int[] widths) {
        int length = 2 * (widths.length - 1);
        for (int width : widths) {
            length += width;
        }
        out.append("-".repeat(length)).append('\n');
    }
}
