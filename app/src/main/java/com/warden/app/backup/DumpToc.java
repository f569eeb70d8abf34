package com.warden.app.backup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of contents of a custom, directory or tar dump, as {@code pg_restore --list --verbose}
 * prints it: one entry per object, with the entries it depends on. Warden uses it to verify a
 * dump and to build the list file for a selected-tables restore.
 */
public final class DumpToc {
    private static final Pattern ENTRY = Pattern.compile("^(\\d+); (\\d+) (\\d+) (.*)$");
    private static final Pattern DEPENDS = Pattern.compile("^;\\s*depends on:(.*)$");
    /** Types with spaces first, so the longest one wins. */
    private static final List<String> TYPES = List.of(
            "MATERIALIZED VIEW DATA", "SEQUENCE OWNED BY", "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY",
            "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE", "FOREIGN DATA WRAPPER", "PROCEDURAL LANGUAGE",
            "PUBLICATION TABLES IN SCHEMA", "PUBLICATION TABLE", "DEFAULT ACL", "FK CONSTRAINT", "CHECK CONSTRAINT",
            "TABLE DATA", "SEQUENCE SET", "MATERIALIZED VIEW", "ROW SECURITY", "INDEX ATTACH", "TABLE ATTACH",
            "FOREIGN TABLE", "OPERATOR CLASS", "OPERATOR FAMILY", "EVENT TRIGGER", "LARGE OBJECT", "BLOB DATA",
            "BLOBS", "USER MAPPING", "FOREIGN SERVER", "SHELL TYPE", "STATISTICS", "ACCESS METHOD",
            "TABLE", "SEQUENCE", "INDEX", "CONSTRAINT", "TRIGGER", "POLICY", "RULE", "VIEW", "DEFAULT", "FUNCTION",
            "PROCEDURE", "AGGREGATE", "TYPE", "DOMAIN", "SCHEMA", "EXTENSION", "COMMENT", "ACL", "COLLATION",
            "CONVERSION", "CAST", "OPERATOR", "TRANSFORM", "PUBLICATION", "SUBSCRIPTION", "DATABASE", "ENCODING",
            "STDSTRINGS", "SEARCHPATH", "DATABASE PROPERTIES");

    /** One object in the dump. {@code name} for constraints and triggers is "table constraint". */
    public record Entry(int id, String type, String schema, String name, String owner, List<Integer> dependsOn, String line) {
        public boolean isTableData() {
            return type.equals("TABLE DATA");
        }

        /** The table this entry belongs to, for TABLE and TABLE DATA entries. */
        public TableName table() {
            return new TableName(schema, name);
        }
    }

    private final List<Entry> entries;
    private final Map<String, String> header;

    private DumpToc(List<Entry> entries, Map<String, String> header) {
        this.entries = List.copyOf(entries);
        this.header = Map.copyOf(header);
    }

    public static DumpToc parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> header = new LinkedHashMap<>();
        Entry last = null;
        for (String raw : lines) {
            String line = raw.stripTrailing();
            Matcher dep = DEPENDS.matcher(line);
            if (dep.matches() && last != null) {
                List<Integer> ids = new ArrayList<>(last.dependsOn());
                for (String s : dep.group(1).trim().split("\\s+")) {
                    if (!s.isBlank()) {
                        ids.add(Integer.parseInt(s));
                    }
                }
                last = new Entry(last.id(), last.type(), last.schema(), last.name(), last.owner(), List.copyOf(ids), last.line());
                entries.set(entries.size() - 1, last);
                continue;
            }
            if (line.startsWith(";")) {
                String h = line.substring(1).trim();
                int colon = h.indexOf(':');
                if (colon > 0) {
                    header.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String rest = m.group(4);
            String type = null;
            for (String t : TYPES) {
                if (rest.startsWith(t + " ")) {
                    type = t;
                    break;
                }
            }
            if (type == null) {
                int sp = rest.indexOf(' ');
                type = sp < 0 ? rest : rest.substring(0, sp);
            }
            String[] tokens = rest.substring(Math.min(rest.length(), type.length() + 1)).split(" ");
            String schema = tokens.length > 0 ? tokens[0] : "-";
            String owner = tokens.length > 2 ? tokens[tokens.length - 1] : "";
            String name = tokens.length > 2 ? String.join(" ", java.util.Arrays.copyOfRange(tokens, 1, tokens.length - 1))
                    : tokens.length == 2 ? tokens[1] : "";
            last = new Entry(Integer.parseInt(m.group(1)), type, schema, name, owner, List.of(), line);
            entries.add(last);
        }
        return new DumpToc(entries, header);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Header values such as "Format", "Dumped from database version". */
    public Map<String, String> header() {
        return header;
    }

    public List<TableName> tablesWithData() {
        return entries.stream().filter(Entry::isTableData).map(Entry::table).sorted(Comparator.naturalOrder()).toList();
    }

    public List<TableName> tables() {
        return entries.stream().filter(e -> e.type().equals("TABLE")).map(Entry::table).sorted().toList();
    }

    /** The server major version the dump came from, from the header ("Dumped from database version: 15.18"). */
    public int sourceMajor() {
        String v = header.getOrDefault("Dumped from database version", "");
        Matcher m = Pattern.compile("^(\\d+)").matcher(v);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * The entries a selected-tables restore into a new database needs: the schemas, extensions,
     * types, domains, functions and sequences that do not hang on a table left out, the chosen
     * tables with their data, and every entry of those tables (indexes, constraints, defaults,
     * triggers, policies, sequence ownership). Foreign keys to tables left out, views and other
     * tables are not restored.
     */
    public List<Entry> selectTables(List<TableName> chosen) {
        return selectTables(chosen, false);
    }

    /**
     * With {@code intoExisting}, the target already holds the schemas, types, functions and the
     * other tables: only the chosen tables, their data and their own objects are listed, and
     * foreign keys to tables left out come along (those tables exist there).
     */
    public List<Entry> selectTables(List<TableName> chosen, boolean intoExisting) {
        java.util.Set<Integer> keep = new java.util.LinkedHashSet<>();
        java.util.Set<String> always = java.util.Set.of("SCHEMA", "EXTENSION", "ENCODING", "STDSTRINGS", "SEARCHPATH");
        // definitions that come along when everything they depend on comes along
        java.util.Set<String> definitions = java.util.Set.of("TYPE", "SHELL TYPE", "DOMAIN", "FUNCTION", "PROCEDURE",
                "AGGREGATE", "COLLATION", "SEQUENCE", "SEQUENCE SET", "OPERATOR", "CAST", "COMMENT", "ACL");
        // objects of a table: they come along when they hang on a chosen table and nothing left out
        java.util.Set<String> dependents = java.util.Set.of("INDEX", "CONSTRAINT", "CHECK CONSTRAINT", "FK CONSTRAINT",
                "DEFAULT", "TRIGGER", "POLICY", "ROW SECURITY", "SEQUENCE OWNED BY", "RULE", "STATISTICS", "INDEX ATTACH");
        java.util.Set<TableName> wanted = new java.util.HashSet<>(chosen);
        java.util.Set<Integer> chosenTables = new java.util.HashSet<>();
        for (Entry e : entries) {
            if (always.contains(e.type()) && !intoExisting) {
                keep.add(e.id());
            } else if ((e.type().equals("TABLE") || e.type().equals("TABLE DATA")) && wanted.contains(e.table())) {
                keep.add(e.id());
                if (e.type().equals("TABLE")) {
                    chosenTables.add(e.id());
                }
            }
        }
        java.util.Set<Integer> known = new java.util.HashSet<>();
        entries.forEach(e -> known.add(e.id()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Entry e : entries) {
                boolean definition = definitions.contains(e.type());
                if (keep.contains(e.id()) || !(definition || dependents.contains(e.type()))) {
                    continue;
                }
                boolean onChosen = false;
                boolean allKept = true;
                for (int d : e.dependsOn()) {
                    if (!known.contains(d)) {
                        continue;
                    }
                    if (keep.contains(d)) {
                        Entry dep = byId(d);
                        if (dep != null && (chosenTables.contains(d) || dep.type().equals("INDEX") || dep.type().equals("CONSTRAINT")
                                || dep.type().equals("TABLE DATA"))) {
                            onChosen = true;
                        }
                    } else if (!intoExisting) {
                        allKept = false;
                        break;
                    }
                }
                // a new database takes every definition whose dependencies came along; an existing one
                // already has them, and takes only what hangs on a chosen table
                boolean take = intoExisting ? allKept && onChosen : allKept && (definition || onChosen);
                if (take) {
                    keep.add(e.id());
                    changed = true;
                }
            }
        }
        return entries.stream().filter(e -> keep.contains(e.id())).toList();
    }

    private Entry byId(int id) {
        for (Entry e : entries) {
            if (e.id() == id) {
                return e;
            }
        }
        return null;
    }
}
