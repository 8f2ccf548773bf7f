package io.sxs.reporting;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A report's typed rows, with what it takes to print them as an aligned text table.
 *
 * @param title   shown above the table
 * @param columns the table's columns
 * @param rows    the rows, in the order the report sorts them
 * @param cells   one row's cells as text, one per column
 * @param total   which rows are totals, printed below a rule
 */
record Report<R>(String title, List<TextTable.Column> columns, List<R> rows, Function<R, List<String>> cells,
                 Predicate<R> total) {

    Report {
        rows = List.copyOf(rows);
    }

    String toText() {
        TextTable table = new TextTable(columns);
        boolean inTotals = false;
        for (R row : rows) {
            if (total.test(row) && !inTotals) {
                table.rule();
                inTotals = true;
            }
            table.row(cells.apply(row));
        }
        return title + "\n" + table.render();
    }

    /** The report as CSV (RFC 4180 quoting), its title as a {@code #} comment line: for spreadsheets and scripts. */
    String toCsv() {
        StringBuilder out = new StringBuilder("# ").append(title).append('\n');
        out.append(String.join(",", columns.stream().map(c -> csv(c.heading())).toList())).append('\n');
        for (R row : rows) {
            out.append(String.join(",", cells.apply(row).stream().map(Report::csv).toList())).append('\n');
        }
        return out.toString();
    }

    private static String csv(String cell) {
        String value = cell == null ? "" : cell;
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
