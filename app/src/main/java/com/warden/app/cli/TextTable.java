package com.warden.app.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table for the terminal. */
public final class TextTable {
    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    private TextTable(String[] headers) {
        this.headers = headers;
    }

    public static TextTable of(String... headers) {
        return new TextTable(headers);
    }

    public TextTable row(Object... values) {
        String[] cells = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            Object v = i < values.length ? values[i] : "";
            cells[i] = v == null ? "" : v.toString().replace('\n', ' ');
        }
        rows.add(cells);
        return this;
    }

    public TextTable rows(List<Object[]> values) {
        values.forEach(this::row);
        return this;
    }

    public String render() {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] r : rows) {
                widths[i] = Math.max(widths[i], Math.min(80, r[i].length()));
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, headers, widths);
        for (String[] r : rows) {
            line(s, r, widths);
        }
        return s.toString().stripTrailing();
    }

    private static void line(StringBuilder s, String[] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].length() > 80 ? cells[i].substring(0, 79) + "…" : cells[i];
            s.append(c);
            if (i < cells.length - 1) {
                s.append(" ".repeat(widths[i] - c.length() + 2));
            }
        }
        s.append('\n');
    }
}
