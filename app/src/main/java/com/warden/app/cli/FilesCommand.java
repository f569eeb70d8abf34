package com.warden.app.cli;

import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.files.AppRef;
import com.warden.app.files.ChangedFile;
import com.warden.app.files.FileEntry;
import com.warden.app.files.FileHistory;
import com.warden.app.files.FileTree;
import com.warden.app.files.FileVersion;
import com.warden.app.files.SessionChanges;
import com.warden.app.files.TokenSurvey;
import com.warden.app.text.Tokens;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "files", mixinStandardHelpOptions = true,
        description = {"List an app's files and versions.",
                "  warden files                              the apps",
                "  warden files --app NAME [--tree]          its files: versions, head, size, digest, head problems",
                "  warden files --app NAME --path PATH       one file and its versions",
                "  warden files --session ID                 what a session changed (files with versions between its first and last message)",
                "  warden files --token-savings [--app NAME] unified diff against whole file, in tokens, over every version pair"})
final class FilesCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm XXX");

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--app", paramLabel = "NAME", description = "the app's name (or id)")
    String app;

    @Option(names = "--path", paramLabel = "PATH", description = "one file: its details and versions")
    String path;

    @Option(names = "--tree", description = "show the files as a tree of folders")
    boolean tree;

    @Option(names = "--session", paramLabel = "ID", description = "what this session changed")
    String session;

    @Option(names = "--token-savings", description = "measure seed 000's 80%% claim over every pair of consecutive text versions")
    boolean tokenSavings;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    @Override
    public Integer call() {
        try (Database db = connection.open(Access.READ_ONLY)) {
            FileHistory history = new FileHistory(db);
            if (session != null) {
                sessionChanges(history.sessionChanges(session));
            } else if (tokenSavings) {
                AppRef scope = app == null ? null : history.findApp(app);
                savings(scope, new TokenSurvey(db).run(scope == null ? null : scope.id(), new int[] {3, 0, 1, 5},
                        Console.progress(json)));
            } else if (app == null) {
                apps(history.apps());
            } else {
                AppRef appRef = history.findApp(app);
                if (path != null) {
                    FileEntry file = history.file(appRef, path);
                    versions(appRef, file, history.versions(file.id()));
                } else {
                    files(appRef, history.files(appRef.id()));
                }
            }
        }
        return WardenCli.OK;
    }

    private void apps(List<AppRef> apps) {
        if (json) {
            Console.out().println(Json.write(Map.of("apps", apps)));
            return;
        }
        TextTable t = TextTable.of("APP", "OWNER", "FILES", "ID");
        apps.forEach(a -> t.row(a.name(), a.owner(), a.files(), a.id()));
        Console.out().println(t.render());
    }

    private void files(AppRef app, List<FileEntry> files) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("app", app);
            doc.put("files", files);
            if (tree) {
                doc.put("tree", FileTree.of(files).root());
            }
            Console.out().println(Json.write(doc));
            return;
        }
        long problems = files.stream().filter(f -> !f.healthy()).count();
        Console.out().printf("%s (owner %s): %d files, %d versions%s%n", app.name(), app.owner(), files.size(),
                files.stream().mapToInt(FileEntry::versions).sum(), problems == 0 ? "" : ", " + problems + " with a head problem");
        if (tree) {
            StringBuilder out = new StringBuilder();
            printTree(FileTree.of(files).root(), "", out);
            Console.out().print(out);
            return;
        }
        TextTable t = TextTable.of("PATH", "VERSIONS", "HEAD", "SIZE", "MIME", "KIND", "SHA256", "STATE");
        for (FileEntry f : files) {
            t.row(f.path(), f.versions(), f.headVersion() == null ? "—" : "v" + f.headVersion(), size(f.sizeBytes()),
                    f.mimeType(), f.binary() ? "binary" : "text", f.shortDigest(), f.healthy() ? "ok" : f.headProblem());
        }
        Console.out().println(t.render());
    }

    private static void printTree(FileTree.Node node, String indent, StringBuilder out) {
        List<FileTree.Node> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            FileTree.Node c = children.get(i);
            boolean last = i == children.size() - 1;
            out.append(indent).append(last ? "└── " : "├── ").append(c.name());
            if (c.folder()) {
                out.append('/').append('\n');
                printTree(c, indent + (last ? "    " : "│   "), out);
            } else {
                FileEntry f = c.file();
                out.append("  (").append(f.headVersion() == null ? "no head" : "v" + f.headVersion()).append(", ")
                        .append(size(f.sizeBytes())).append(f.healthy() ? "" : ", " + f.headProblem()).append(")\n");
            }
        }
    }

    private void versions(AppRef app, FileEntry file, List<FileVersion> versions) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("app", app);
            doc.put("file", file);
            doc.put("versions", versions);
            Console.out().println(Json.write(doc));
            return;
        }
        String[][] info = {
                {"path", file.path()},
                {"app", app.name()},
                {"mime type", file.mimeType()},
                {"kind", file.binary() ? "binary" : "text"},
                {"size", String.format("%,d bytes", file.sizeBytes())},
                {"sha256", file.sha256() == null ? "—" : file.sha256()},
                {"head", file.headVersion() == null ? "—" : "v" + file.headVersion()},
                {"state", file.healthy() ? "ok" : file.headProblem()}};
        for (String[] line : info) {
            Console.out().printf("%-10s %s%n", line[0], line[1]);
        }
        Console.out().println();
        if (versions.isEmpty()) {
            Console.out().println("No versions.");
            return;
        }
        TextTable t = TextTable.of("VERSION", "SIZE", "CREATED BY", "CREATED AT", "SHA256", "");
        for (FileVersion v : versions) {
            t.row(v.label(), size(v.sizeBytes()), v.createdBy(), v.createdAt() == null ? "" : TIME.format(v.createdAt()),
                    v.shortDigest(), v.head() ? "head" : "");
        }
        Console.out().println(t.render());
    }

    private void sessionChanges(SessionChanges changes) {
        if (json) {
            Console.out().println(Json.write(changes));
            return;
        }
        var s = changes.session();
        Console.out().printf("Session \"%s\" in %s%n", s.title(), changes.appName());
        if (s.firstMessage() == null) {
            Console.out().println("It has no messages, so no time range and no changes.");
            return;
        }
        Console.out().printf("%d messages from %s to %s: %d file%s changed%n", s.messages(), TIME.format(s.firstMessage()),
                TIME.format(s.lastMessage()), changes.files().size(), changes.files().size() == 1 ? "" : "s");
        if (changes.files().isEmpty()) {
            return;
        }
        TextTable t = TextTable.of("PATH", "FROM", "TO", "VERSIONS", "RECORDED", "DIFF");
        for (ChangedFile f : changes.files()) {
            t.row(f.path(), f.created() ? "(new)" : "v" + f.fromVersion(), "v" + f.toVersion(), f.versionsInRange(),
                    f.recordedBySession() ? "yes" : "no", diffCommand(changes.appName(), f));
        }
        Console.out().println(t.render());
        Console.out().println("RECORDED: the session's own file_written events name the file (other versions in the range may come "
                + "from another session on the same app).");
    }

    private static String diffCommand(String app, ChangedFile f) {
        return "warden diff --app '" + app + "' --path " + f.path() + " --from " + (f.created() ? "empty" : f.fromVersion())
                + " --to " + f.toVersion();
    }

    private void savings(AppRef scope, List<TokenSurvey.Report> reports) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("scope", scope == null ? "all apps" : scope.name());
            doc.put("encoding", Tokens.encodingName());
            doc.put("claim", "seed 000: unified diff instead of the whole file saves 80% of tokens for typical edits");
            doc.put("contexts", reports);
            Console.out().println(Json.write(doc));
            return;
        }
        TokenSurvey.Report main = reports.get(0);
        Console.out().printf("Token savings of a unified diff against the whole new version (%s), %s: %d version pairs of %d text files%n",
                Tokens.encodingName(), scope == null ? "all apps" : scope.name(), main.pairs(), main.files());
        TextTable t = TextTable.of("CONTEXT", "WHOLE FILES", "DIFFS", "SAVED (ALL)", "MEDIAN", "P10", "P90", "DIFF COSTS MORE");
        for (TokenSurvey.Report r : reports) {
            t.row(r.context(), String.format("%,d", r.fullTokens()), String.format("%,d", r.diffTokens()), pct(r.overallSavedPercent()),
                    pct(r.medianSavedPercent()), pct(r.p10SavedPercent()), pct(r.p90SavedPercent()), r.pairsWhereDiffCostsMore());
        }
        Console.out().println(t.render());
        Console.out().println("Seed 000 claims 80% for typical edits.");
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
