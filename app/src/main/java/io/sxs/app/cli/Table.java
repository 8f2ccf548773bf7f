package io.sxs.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns as wide as their widest cell, long cells cut with an ellipsis. */
final class Table {

    private static final int MAX_CELL = 60;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            String s = c == null ? "-" : String.valueOf(c).replace('\n', ' ');
            row.add(s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s);
        }
        rows.add(row);
        return this;
    }

    void print(PrintWriter out) {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headers.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        line(out, headers, width);
        for (List<String> r : rows) {
            line(out, r, width);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append("  ");
            }
            b.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + width[i] + "s", cells.get(i)));
        }
        out.println(b.toString().stripTrailing());
    }
}
