package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.files.AppRef;
import com.warden.app.files.BinaryInfo;
import com.warden.app.files.DiffOptions;
import com.warden.app.files.DiffRow;
import com.warden.app.files.DiffStats;
import com.warden.app.files.FileDiff;
import com.warden.app.files.FileEntry;
import com.warden.app.files.FileHistory;
import com.warden.app.files.FileVersion;
import com.warden.app.files.Span;
import com.warden.app.files.TextDiff;
import com.warden.app.files.TokenSavings;
import com.warden.app.text.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Diff two versions of a file: side by side with word marks, or --unified (a patch GNU patch applies).",
                "Default: the head against the version before it."})
final class DiffCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--app", required = true, paramLabel = "NAME", description = "the app's name (or id)")
    String app;

    @Option(names = "--path", required = true, paramLabel = "PATH", description = "the file's path in the app, e.g. src/App.tsx")
    String path;

    @Option(names = "--from", paramLabel = "V", description = "old version, or 'empty' for the empty file (default: the one before --to)")
    String from;

    @Option(names = "--to", paramLabel = "V", description = "new version, or 'head' (default: head)")
    String to;

    @Option(names = "--unified", description = "print a unified diff (--- path, +++ path, @@ -a,b +c,d @@) and nothing else")
    boolean unified;

    @Option(names = "--context", paramLabel = "N", defaultValue = "3", description = "unchanged lines around each change (default ${DEFAULT-VALUE})")
    int context;

    @Option(names = {"-w", "--ignore-whitespace"}, description = "ignore whitespace and line endings when matching lines")
    boolean ignoreWhitespace;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "width of the side-by-side view (default: $COLUMNS or 160)")
    Integer width;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "auto, always or never (default ${DEFAULT-VALUE}; NO_COLOR is honoured)")
    String color;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    @Override
    public Integer call() {
        DiffOptions options = new DiffOptions(context, ignoreWhitespace);
        Integer fromVersion = from != null && from.strip().equalsIgnoreCase("empty") ? Integer.valueOf(FileHistory.EMPTY)
                : version("--from", from, false);
        Integer toVersion = version("--to", to, true);
        try (Database db = connection.open(Access.READ_ONLY)) {
            FileHistory history = new FileHistory(db);
            AppRef appRef = history.findApp(app);
            FileEntry file = history.file(appRef, path);
            FileDiff diff = history.diff(file, fromVersion, toVersion, options, Console.progress(true));
            if (json) {
                Console.out().println(Json.write(document(appRef, diff, options)));
            } else if (unified) {
                diff.notes().forEach(n -> Console.err().println("note: " + n));
                if (diff.binary()) {
                    if (!diff.sameContent()) {
                        Console.out().println("Binary files " + diff.path() + " " + diff.fromLabel() + " and " + diff.toLabel() + " differ");
                    }
                } else {
                    Console.out().print(diff.unified());
                    Console.out().flush();
                }
            } else {
                print(diff);
            }
        }
        return WardenCli.OK;
    }

    static Integer version(String option, String value, boolean headAllowed) {
        if (value == null || headAllowed && value.equalsIgnoreCase("head")) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith("v") || v.startsWith("V")) {
            v = v.substring(1);
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new WardenException(option + " " + value + " is not a version: versions count from 1.", "warden files --app NAME --path PATH lists them");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new WardenException(option + " '" + value + "' is not a version number.",
                    headAllowed ? "give a number such as 3, or 'head'" : "give a number such as 3, or 'empty'");
        }
    }

    private void print(FileDiff diff) {
        StringBuilder head = new StringBuilder(diff.path() + "  " + diff.fromLabel() + " → " + diff.toLabel());
        if (diff.binary()) {
            Console.out().println(head);
            BinaryInfo l = diff.leftInfo();
            BinaryInfo r = diff.rightInfo();
            TextTable table = TextTable.of("", diff.fromLabel(), diff.toLabel());
            table.row("size", l == null ? "—" : String.format("%,d bytes", l.size()), String.format("%,d bytes", r.size()));
            table.row("sha256", l == null ? "—" : l.sha256(), r.sha256());
            table.row("format", l == null ? "—" : format(l), format(r));
            Console.out().println(table.render());
            Console.out().println(diff.sameContent() ? "Same bytes." : "Binary content differs: no text diff.");
        } else {
            TextDiff text = diff.text();
            DiffStats s = text.stats();
            head.append("   ").append(plural(s.changes(), "change")).append(", ").append(plural(s.hunks(), "hunk"))
                    .append(", +").append(s.added()).append(" −").append(s.removed());
            TokenSavings t = diff.tokens();
            head.append(String.format(Locale.ROOT, "   tokens: whole %s %,d · diff %,d (%s)", diff.toLabel(), t.fullTokens(), t.diffTokens(),
                    t.savedPercent() >= 0 ? String.format(Locale.ROOT, "%.0f%% fewer", t.savedPercent())
                            : String.format(Locale.ROOT, "%.0f%% more", -t.savedPercent())));
            Console.out().println(head);
            if (s.identical()) {
                Console.out().println(text.options().ignoreWhitespace() ? "No differences (ignoring whitespace)." : "No differences.");
            } else {
                Console.out().print(new SideBySidePrinter(columns(), colorOn()).render(text));
            }
            if (s.approximate()) {
                Console.out().println("note: the versions differ too much for an exact line match in the time allowed; "
                        + "the diff is simplified (still exact as a patch).");
            }
        }
        diff.notes().forEach(n -> Console.out().println("note: " + n));
    }

    private static String format(BinaryInfo info) {
        if (info.format() == null) {
            return "not an image";
        }
        return info.format() + (info.width() == null ? "" : " " + info.width() + "×" + info.height());
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private int columns() {
        if (width != null) {
            return width;
        }
        try {
            String env = System.getenv("COLUMNS");
            return env == null ? 160 : Integer.parseInt(env.strip());
        } catch (NumberFormatException e) {
            return 160;
        }
    }

    private boolean colorOn() {
        return switch (color.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
            default -> throw new WardenException("--color '" + color + "' is not one of auto, always, never.", null);
        };
    }

    // ------------------------------------------------------------------ JSON

    private static Map<String, Object> document(AppRef app, FileDiff diff, DiffOptions options) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("app", app.name());
        doc.put("app_id", app.id());
        doc.put("path", diff.path());
        doc.put("binary", diff.binary());
        doc.put("from", diff.from() == null ? null : version(diff.from().version()));
        doc.put("to", version(diff.to().version()));
        doc.put("options", Map.of("context", options.context(), "ignore_whitespace", options.ignoreWhitespace()));
        if (diff.binary()) {
            doc.put("left", diff.leftInfo());
            doc.put("right", diff.rightInfo());
            doc.put("same_content", diff.sameContent());
        } else {
            DiffStats s = diff.text().stats();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("changes", s.changes());
            stats.put("hunks", s.hunks());
            stats.put("added", s.added());
            stats.put("removed", s.removed());
            stats.put("approximate", s.approximate());
            doc.put("stats", stats);
            TokenSavings t = diff.tokens();
            Map<String, Object> tokens = new LinkedHashMap<>();
            tokens.put("encoding", Tokens.encodingName());
            tokens.put("whole_new_version", t.fullTokens());
            tokens.put("unified_diff", t.diffTokens());
            tokens.put("saved_percent", Math.round(t.savedPercent() * 10) / 10.0);
            doc.put("tokens", tokens);
            doc.put("hunks", hunks(diff.text()));
            doc.put("unified", diff.unified());
        }
        doc.put("notes", diff.notes());
        return doc;
    }

    private static Map<String, Object> version(FileVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("id", v.id());
        m.put("sha256", v.sha256());
        m.put("size_bytes", v.sizeBytes());
        m.put("created_by", v.createdBy());
        m.put("created_at", v.createdAt());
        m.put("head", v.head());
        return m;
    }

    /** The side-by-side rows of each hunk (its context included). */
    private static List<Map<String, Object>> hunks(TextDiff text) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<DiffRow> rows = text.rows();
        // rows and hunks are both in file order: one walk; a hunk covers old lines (oldFrom, oldTo] and new (newFrom, newTo]
        int r = 0;
        for (TextDiff.Hunk h : text.hunks()) {
            while (r < rows.size() && position(rows.get(r), h.oldFrom(), h.newFrom())) {
                r++;
            }
            List<Map<String, Object>> hunkRows = new ArrayList<>();
            while (r < rows.size() && position(rows.get(r), h.oldTo(), h.newTo())) {
                DiffRow row = rows.get(r++);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", row.kind().name().toLowerCase(Locale.ROOT));
                m.put("left", side(row.left()));
                m.put("right", side(row.right()));
                hunkRows.add(m);
            }
            Map<String, Object> hunk = new LinkedHashMap<>();
            hunk.put("header", h.header());
            hunk.put("rows", hunkRows);
            out.add(hunk);
        }
        return out;
    }

    /** Whether the row lies at or before old line {@code oldLine} / new line {@code newLine}. */
    private static boolean position(DiffRow row, int oldLine, int newLine) {
        return row.left() != null ? row.left().line() <= oldLine : row.right().line() <= newLine;
    }

    private static Map<String, Object> side(DiffRow.Side s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", s.line());
        m.put("text", s.text());
        m.put("eol", s.eol().name().toLowerCase(Locale.ROOT));
        List<int[]> marks = new ArrayList<>();
        for (Span span : s.marks()) {
            marks.add(new int[] {span.start(), span.end()});
        }
        m.put("marks", marks);
        return m;
    }
}
