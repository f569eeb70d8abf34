package com.warden.app.backup;

import com.warden.app.backup.BackupManifest.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * pg_dump's object patterns (-n, -N, -t, -T) evaluated the way pg_dump does, so Warden knows in
 * advance which tables a dump will hold: '*' and '?' are wildcards, an unquoted name is folded
 * to lower case, a dot separates schema and name. With -t, -n and -N have no effect.
 */
public final class Patterns {
    private Patterns() { }

    public static List<TableInfo> select(List<TableInfo> all, Selection selection) {
        List<Pattern> schemas = compileSchemas(selection.schemas());
        List<Pattern> exSchemas = compileSchemas(selection.excludeSchemas());
        List<Pattern[]> tables = compileTables(selection.tables());
        List<Pattern[]> exTables = compileTables(selection.excludeTables());
        List<TableInfo> out = new ArrayList<>();
        for (TableInfo t : all) {
            boolean in;
            if (!tables.isEmpty()) {
                in = matchesAny(tables, t.name());
            } else {
                in = (schemas.isEmpty() || schemas.stream().anyMatch(p -> p.matcher(t.name().schema()).matches()))
                        && exSchemas.stream().noneMatch(p -> p.matcher(t.name().schema()).matches());
            }
            if (in && !matchesAny(exTables, t.name())) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean matchesAny(List<Pattern[]> patterns, TableName name) {
        for (Pattern[] p : patterns) {
            boolean schemaOk = p[0] == null || p[0].matcher(name.schema()).matches();
            if (schemaOk && p[1].matcher(name.table()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compileSchemas(List<String> patterns) {
        List<Pattern> out = new ArrayList<>();
        for (String p : patterns) {
            out.add(Pattern.compile(toRegex(p)));
        }
        return out;
    }

    private static List<Pattern[]> compileTables(List<String> patterns) {
        List<Pattern[]> out = new ArrayList<>();
        for (String p : patterns) {
            List<String> parts = splitDots(p);
            if (parts.size() == 1) {
                // an unqualified -t pattern matches tables in any schema visible on the search path;
                // pg_dump's default search path is empty, so treat it as any schema
                out.add(new Pattern[] {null, Pattern.compile(toRegex(parts.get(0)))});
            } else {
                out.add(new Pattern[] {Pattern.compile(toRegex(parts.get(parts.size() - 2))),
                        Pattern.compile(toRegex(parts.get(parts.size() - 1)))});
            }
        }
        return out;
    }

    private static List<String> splitDots(String pattern) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == '.' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    /** One dot-free pattern part to a Java regex. */
    static String toRegex(String part) {
        StringBuilder re = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < part.length() && part.charAt(i + 1) == '"') {
                    re.append(Pattern.quote("\""));
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted && c == '*') {
                re.append(".*");
            } else if (!quoted && c == '?') {
                re.append('.');
            } else {
                String s = quoted ? String.valueOf(c) : String.valueOf(c).toLowerCase(Locale.ROOT);
                re.append(Pattern.quote(s));
            }
        }
        return re.toString();
    }
}
