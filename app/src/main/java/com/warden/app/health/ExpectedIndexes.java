package com.warden.app.health;

import com.warden.app.config.ClasspathFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indexes the project schema must have, read from the migrations Warden ships (classpath
 * db/migration): every named {@code CREATE [UNIQUE] INDEX} and every named UNIQUE / PRIMARY KEY /
 * EXCLUDE constraint, minus those a later migration drops or renames.
 */
public final class ExpectedIndexes {

    /** One expected index, with the statement that creates it and the migration it comes from. */
    public record Expected(String name, String table, String definition, String migration) { }

    private static final Pattern CREATE_INDEX = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:core\\.)?(\\w+)\\s+ON\\s+(?:ONLY\\s+)?([\\w.]+)[^;]*;",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.]+)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "ALTER\\s+TABLE\\s+(?:ONLY\\s+)?([\\w.]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSTRAINT = Pattern.compile(
            "CONSTRAINT\\s+(\\w+)\\s+(UNIQUE|PRIMARY\\s+KEY|EXCLUDE)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_INDEX = Pattern.compile(
            "DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?(?:core\\.)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_CONSTRAINT = Pattern.compile(
            "DROP\\s+CONSTRAINT\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_INDEX = Pattern.compile(
            "ALTER\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?(?:core\\.)?(\\w+)\\s+RENAME\\s+TO\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private ExpectedIndexes() { }

    /** From the migrations on the classpath, in version order. */
    public static List<Expected> fromMigrations() {
        Map<String, String> files = ClasspathFolder.read("db/migration", ".sql");
        List<String> names = new ArrayList<>(files.keySet());
        names.sort(Comparator.comparing(ExpectedIndexes::versionOf));
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (String name : names) {
            parse(name, files.get(name), expected);
        }
        return List.copyOf(expected.values());
    }

    /** Applies one migration's statements to the running list (visible for tests). */
    static void parse(String migration, String sql, Map<String, Expected> expected) {
        String text = stripComments(sql);
        // statements in order, so a later DROP or RENAME wins over an earlier CREATE
        for (String statement : text.split(";")) {
            String s = statement.strip();
            if (s.isEmpty()) {
                continue;
            }
            String withSemicolon = s + ";";
            Matcher m = CREATE_INDEX.matcher(withSemicolon);
            if (m.lookingAt()) {
                String idx = m.group(1).toLowerCase(Locale.ROOT);
                expected.put(idx, new Expected(idx, qualify(m.group(2)), oneLine(withSemicolon), migration));
                continue;
            }
            Matcher table = CREATE_TABLE.matcher(s);
            Matcher alter = ALTER_TABLE.matcher(s);
            String owner = table.lookingAt() ? qualify(table.group(1)) : alter.lookingAt() ? qualify(alter.group(1)) : null;
            if (owner != null) {
                Matcher c = CONSTRAINT.matcher(s);
                while (c.find()) {
                    String idx = c.group(1).toLowerCase(Locale.ROOT);
                    expected.put(idx, new Expected(idx, owner, "constraint " + idx + " " + c.group(2).toUpperCase(Locale.ROOT)
                            .replaceAll("\\s+", " ") + " on " + owner + " (see " + migration + ")", migration));
                }
                Matcher dc = DROP_CONSTRAINT.matcher(s);
                while (dc.find()) {
                    expected.remove(dc.group(1).toLowerCase(Locale.ROOT));
                }
            }
            Matcher drop = DROP_INDEX.matcher(s);
            while (drop.find()) {
                expected.remove(drop.group(1).toLowerCase(Locale.ROOT));
            }
            Matcher rename = RENAME_INDEX.matcher(s);
            while (rename.find()) {
                Expected old = expected.remove(rename.group(1).toLowerCase(Locale.ROOT));
                if (old != null) {
                    String to = rename.group(2).toLowerCase(Locale.ROOT);
                    expected.put(to, new Expected(to, old.table(), old.definition(), migration));
                }
            }
        }
    }

    private static String qualify(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return t.contains(".") ? t : "core." + t;
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        for (String line : sql.split("\n")) {
            int dash = line.indexOf("--");
            out.append(dash < 0 ? line : line.substring(0, dash)).append('\n');
        }
        // function bodies ($$ ... $$) hold semicolons of their own: blank them out
        return out.toString().replaceAll("(?s)\\$\\$.*?\\$\\$", "\\$\\$\\$\\$");
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static double versionOf(String file) {
        Matcher m = Pattern.compile("^V(\\d+)(?:[._](\\d+))?__").matcher(file);
        if (!m.find()) {
            return Double.MAX_VALUE;
        }
        return Integer.parseInt(m.group(1)) + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)) / 1000.0);
    }
}
