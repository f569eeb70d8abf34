package com.warden.app.backup;

import com.warden.app.WardenException;

/** A schema-qualified table name, as written by a person ("core.messages") or read from the catalog. */
public record TableName(String schema, String table) implements Comparable<TableName> {

    /** "core.messages"; a bare name means schema public. Double quotes keep dots and case. */
    public static TableName parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new WardenException("An empty table name.", "write schema.table, e.g. core.messages");
        }
        int split = -1;
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                split = i;
                break;
            }
        }
        if (split < 0) {
            return new TableName("public", unquote(t));
        }
        return new TableName(unquote(t.substring(0, split)), unquote(t.substring(split + 1)));
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1).replace("\"\"", "\"");
        }
        return t.toLowerCase();
    }

    /** Quoted for SQL, the quote_ident way. */
    public String sql() {
        return ident(schema) + "." + ident(table);
    }

    public static String ident(String name) {
        if (name.matches("[a-z_][a-z0-9_]*")) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public int compareTo(TableName o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : table.compareTo(o.table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
