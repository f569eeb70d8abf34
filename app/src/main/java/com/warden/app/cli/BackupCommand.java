package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.backup.ArchiveReadiness;
import com.warden.app.backup.BackupCatalog;
import com.warden.app.backup.BackupFormat;
import com.warden.app.backup.BackupKind;
import com.warden.app.backup.BackupManifest;
import com.warden.app.backup.BackupPlan;
import com.warden.app.backup.BackupRequest;
import com.warden.app.backup.BackupService;
import com.warden.app.backup.BackupState;
import com.warden.app.backup.Bytes;
import com.warden.app.backup.CatalogEntry;
import com.warden.app.backup.FoundTool;
import com.warden.app.backup.PgTool;
import com.warden.app.backup.RetentionPlan;
import com.warden.app.backup.RetentionPolicy;
import com.warden.app.backup.ToolLocator;
import com.warden.app.backup.WalArchive;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Take a verified logical (pg_dump) or physical (pg_basebackup) backup into the catalogue, with a manifest:",
                "server, version, times, LSNs, sizes, the SHA-256 of every file and the row count of every table.",
                "Subcommands list, verify and prune the catalogue, and check WAL archiving."},
        subcommands = {BackupCommand.ListBackups.class, BackupCommand.Verify.class, BackupCommand.Retention.class,
                BackupCommand.Tools.class, BackupCommand.Archive.class})
final class BackupCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    BackupCli.CatalogOption catalog;

    @Option(names = "--kind", defaultValue = "logical", description = "logical (pg_dump, one database) or physical (pg_basebackup, the whole server); default ${DEFAULT-VALUE}")
    String kind;

    @Option(names = {"-F", "--format"}, description = "logical: custom (default), directory, tar, plain; physical: plain (default) or tar")
    String format;

    @Option(names = {"-Z", "--compress"}, paramLabel = "0-9", description = "compression level (default: the tool's)")
    Integer compress;

    @Option(names = {"-j", "--jobs"}, defaultValue = "1", description = "parallel jobs (directory format only)")
    int jobs;

    @Option(names = {"-n", "--schema"}, paramLabel = "PATTERN", description = "only these schemas (pg_dump pattern; repeatable)")
    List<String> schemas = new ArrayList<>();

    @Option(names = {"-N", "--exclude-schema"}, paramLabel = "PATTERN", description = "leave these schemas out (repeatable)")
    List<String> excludeSchemas = new ArrayList<>();

    @Option(names = {"-t", "--table"}, paramLabel = "PATTERN", description = "only these tables, e.g. core.messages (repeatable)")
    List<String> tables = new ArrayList<>();

    @Option(names = {"-T", "--exclude-table"}, paramLabel = "PATTERN", description = "leave these tables out (repeatable)")
    List<String> excludeTables = new ArrayList<>();

    @Option(names = "--label", description = "a word added to the backup's id")
    String label;

    @Option(names = "--no-verify", description = "skip the verification right after the backup")
    boolean noVerify;

    @Option(names = "--dry-run", description = "print the plan and the exact command, and stop")
    boolean dryRun;

    @Option(names = "--json", description = "print the manifest as JSON")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        BackupKind k = BackupKind.parse(kind);
        BackupFormat f = format == null ? null : BackupFormat.parse(format);
        BackupRequest request = new BackupRequest(k, f, compress, jobs,
                new BackupManifest.Selection(schemas, excludeSchemas, tables, excludeTables), catalog.root(), label, !noVerify);
        BackupService service = BackupService.system();
        BackupPlan plan = service.plan(connection.profile(), request);
        if (dryRun || !quiet && !json) {
            Console.err().println("Backing up " + plan.profile().safeUri() + " (PostgreSQL " + plan.source().serverVersion() + ") with "
                    + plan.tool().describe());
            Console.err().println("  into " + plan.folder());
            Console.err().println("  " + plan.tables().size() + " tables, about " + Bytes.human(plan.tableBytes()) + " of table data");
            plan.notes().forEach(n -> Console.err().println("  note: " + n));
            Console.err().println("  $ " + plan.commandLine());
        }
        if (dryRun) {
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("command", plan.commandLine());
                doc.put("folder", plan.folder().toString());
                doc.put("tables", plan.tables().stream().map(t -> t.name().toString()).toList());
                doc.put("notes", plan.notes());
                Console.out().println(Json.write(doc));
            }
            return WardenCli.OK;
        }
        CatalogEntry entry;
        try (BackupCli.CliJob job = new BackupCli.CliJob(quiet || json)) {
            entry = service.run(plan, job);
        }
        if (json) {
            Console.out().println(Json.write(BackupCli.entryJson(entry)));
        } else {
            BackupCli.printEntry(entry);
        }
        return WardenCli.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The backups in the catalogue, newest first, with their state.")
    static final class ListBackups implements Callable<Integer> {
        @Mixin
        BackupCli.CatalogOption catalog;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            List<CatalogEntry> entries = catalog.open().list();
            if (json) {
                Console.out().println(Json.write(entries.stream().map(BackupCli::entryJson).toList()));
                return WardenCli.OK;
            }
            if (entries.isEmpty()) {
                Console.out().println("No backups in " + catalog.root() + ".");
                return WardenCli.OK;
            }
            TextTable t = TextTable.of("id", "finished", "kind", "source", "size", "tables", "state");
            for (CatalogEntry e : entries) {
                BackupManifest m = e.manifest();
                t.row(m.id(), m.finishedAt() == null ? "" : BackupCli.TIME.format(m.finishedAt()), m.kind().name().toLowerCase() + " " + m.format(),
                        m.source().database() + "@" + m.source().host() + ":" + m.source().port(), Bytes.human(m.backupBytes()),
                        m.tables() == null ? 0 : m.tables().size(), e.state().label());
            }
            Console.out().println(t.render());
            Console.out().println(entries.size() + " backups in " + catalog.root());
            return WardenCli.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the SHA-256 of every file and run pg_restore --list / pg_verifybackup. Exit 1 when it fails.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        BackupCli.CatalogOption catalog;

        @Parameters(paramLabel = "BACKUP", description = "backup id or folder")
        String id;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            BackupCatalog c = catalog.open();
            CatalogEntry checked;
            try (BackupCli.CliJob job = new BackupCli.CliJob(json)) {
                checked = c.verify(c.get(id), ToolLocator.system(), job);
            }
            if (json) {
                Console.out().println(Json.write(BackupCli.entryJson(checked)));
            } else {
                Console.out().println(checked.id() + ": " + checked.state().label() + " — " + checked.manifest().verification().detail());
            }
            return checked.state() == BackupState.VERIFIED ? WardenCli.OK : WardenCli.FINDINGS;
        }
    }

    @Command(name = "retention", mixinStandardHelpOptions = true,
            description = "Preview (or --apply) a retention policy: keep the newest backup of each of the last N days and M weeks.")
    static final class Retention implements Callable<Integer> {
        @Mixin
        BackupCli.CatalogOption catalog;

        @Option(names = "--daily", defaultValue = "7", description = "daily backups to keep (default ${DEFAULT-VALUE})")
        int daily;

        @Option(names = "--weekly", defaultValue = "4", description = "weekly backups to keep (default ${DEFAULT-VALUE})")
        int weekly;

        @Option(names = "--apply", description = "delete what the preview lists")
        boolean apply;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            BackupCatalog c = catalog.open();
            RetentionPlan plan = c.preview(new RetentionPolicy(daily, weekly));
            List<String> deleted = apply ? c.apply(plan) : List.of();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("policy", Map.of("daily", daily, "weekly", weekly));
                doc.put("applied", apply);
                doc.put("decisions", plan.decisions().stream().map(d -> Map.of("id", d.entry().id(), "keep", d.keep(), "reason", d.reason())).toList());
                doc.put("bytes_freed", plan.bytesFreed());
                doc.put("deleted", deleted);
                Console.out().println(Json.write(doc));
                return WardenCli.OK;
            }
            TextTable t = TextTable.of("id", "finished", "size", "decision", "reason");
            for (RetentionPlan.Decision d : plan.decisions()) {
                t.row(d.entry().id(), d.entry().manifest().finishedAt() == null ? "" : BackupCli.TIME.format(d.entry().manifest().finishedAt()),
                        Bytes.human(d.entry().manifest().backupBytes()), d.keep() ? "keep" : apply ? "DELETED" : "delete", d.reason());
            }
            Console.out().println(t.render());
            Console.out().println(plan.policy() + ": " + plan.toKeep().size() + " kept, " + plan.toDelete().size()
                    + (apply ? " deleted" : " would be deleted") + " (" + Bytes.human(plan.bytesFreed()) + ")"
                    + (apply || plan.toDelete().isEmpty() ? "" : ". Add --apply to delete them."));
            return WardenCli.OK;
        }
    }

    @Command(name = "tools", mixinStandardHelpOptions = true,
            description = "Which PostgreSQL programs Warden would use for a server version, and every folder it looks in.")
    static final class Tools implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--major", description = "the server's major version (default: ask the --url server, else 15)")
        Integer major;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            int m = major != null ? major : connection.given() ? serverMajor() : 15;
            ToolLocator locator = ToolLocator.system();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PgTool tool : PgTool.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("tool", tool.command());
                row.put("fits", tool.fit() == PgTool.Fit.SAME ? "exactly " + m : m + " or newer");
                var found = locator.tryFind(tool, m);
                row.put("path", found.map(f -> f.path().toString()).orElse(null));
                row.put("version", found.map(FoundTool::version).orElse(null));
                row.put("others", locator.all(tool, m).stream().filter(f -> found.isEmpty() || !f.path().equals(found.get().path()))
                        .map(FoundTool::describe).toList());
                rows.add(row);
            }
            List<String> places = locator.places(m).stream().map(p -> p.folder() + " (" + p.source() + ")").toList();
            if (json) {
                Console.out().println(Json.write(Map.of("major", m, "tools", rows, "looked_in", places)));
                return WardenCli.OK;
            }
            TextTable t = TextTable.of("tool", "fits", "found", "version");
            rows.forEach(r -> t.row(r.get("tool"), r.get("fits"), r.get("path") == null ? "MISSING" : r.get("path"),
                    r.get("version") == null ? "" : r.get("version")));
            Console.out().println(t.render());
            Console.out().println();
            Console.out().println("Looked in, in this order:");
            places.forEach(p -> Console.out().println("  " + p));
            boolean missing = rows.stream().anyMatch(r -> r.get("path") == null);
            if (missing) {
                Console.out().println();
                Console.out().println("To add the missing ones: " + locator.installHint(m) + ".");
            }
            return WardenCli.OK;
        }

        private int serverMajor() {
            try (Database db = connection.open(Access.READ_ONLY)) {
                return db.server().majorVersion();
            }
        }
    }

    @Command(name = "archive", mixinStandardHelpOptions = true,
            description = {"WAL archiving readiness of the --url server (wal_level, archive_mode, archive_command, archive_timeout,",
                    "pg_stat_archiver) with a verdict; --settings-for DIR prints the postgresql.conf lines for an archive folder;",
                    "--check DIR checks an archive folder's continuity (missing segments, timeline history). Exit 1 when not ready."})
    static final class Archive implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--settings-for", paramLabel = "DIR", description = "print the settings that archive into DIR")
        Path settingsFor;

        @Option(names = "--check", paramLabel = "DIR", description = "check the continuity of the archive in DIR")
        Path check;

        @Option(names = "--segment-size-mb", defaultValue = "16", description = "WAL segment size for --check (default ${DEFAULT-VALUE})")
        int segmentMb;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> doc = new LinkedHashMap<>();
            int code = WardenCli.OK;
            if (settingsFor != null) {
                List<String> lines = WalArchive.settingsFor(settingsFor, System.getProperty("os.name").toLowerCase().startsWith("windows"));
                doc.put("settings", lines);
                if (!json) {
                    Console.out().println("# postgresql.conf for archiving into " + settingsFor);
                    lines.forEach(Console.out()::println);
                    Console.out().println();
                }
            }
            if (check != null) {
                WalArchive.ContinuityReport r = WalArchive.continuity(check, segmentMb * 1024L * 1024L);
                doc.put("continuity", r);
                if (!json) {
                    Console.out().println("Archive " + check + ": " + r.segments() + " segments"
                            + (r.newest() == null ? "" : ", newest " + BackupCli.TIME.format(r.newest())));
                    TextTable t = TextTable.of("timeline", "first", "last", "segments", "missing", "history");
                    r.timelines().forEach(tl -> t.row(tl.timeline(), tl.first(), tl.last(), tl.segments(),
                            tl.missing().isEmpty() ? "none" : String.join(", ", tl.missing()), tl.hasHistory() ? "yes" : "MISSING"));
                    Console.out().println(t.render());
                    r.history().forEach(h -> Console.out().println("timeline " + h.timeline() + " branched from " + h.parent() + " at "
                            + h.switchLsn() + (h.reason().isBlank() ? "" : " (" + h.reason() + ")")));
                    Console.out().println(r.continuous() ? "Continuous." : "NOT continuous: " + String.join("; ", r.problems()));
                    Console.out().println();
                }
                if (!r.continuous()) {
                    code = WardenCli.FINDINGS;
                }
            }
            if (connection.given() || (settingsFor == null && check == null)) {
                ArchiveReadiness r;
                try (Database db = connection.open(Access.READ_ONLY)) {
                    r = db.withConnection(WalArchive::readiness);
                }
                doc.put("readiness", r);
                if (!json) {
                    Console.out().println("WAL archiving: " + r.verdict());
                    Console.out().println(TextTable.of("setting", "value")
                            .row("wal_level", r.walLevel()).row("archive_mode", r.archiveMode())
                            .row("archive_command", r.archiveCommand().isBlank() ? "(empty)" : r.archiveCommand())
                            .row("archive_timeout", r.archiveTimeoutSeconds() + " s")
                            .row("archived", r.archivedCount() + (r.lastArchivedWal() == null ? "" : ", last " + r.lastArchivedWal() + " at " + r.lastArchivedTime()))
                            .row("failed", r.failedCount() + (r.lastFailedWal() == null ? "" : ", last " + r.lastFailedWal() + " at " + r.lastFailedTime()))
                            .render());
                    r.reasons().forEach(x -> Console.out().println("  - " + x));
                    if (r.verdict() == ArchiveReadiness.Verdict.NOT_READY && settingsFor == null) {
                        Console.out().println("Run with --settings-for DIR for the lines to put in postgresql.conf.");
                    }
                }
                if (r.verdict() == ArchiveReadiness.Verdict.NOT_READY) {
                    code = WardenCli.FINDINGS;
                }
            }
            if (json) {
                Console.out().println(Json.write(doc));
            }
            return code;
        }
    }

    static WardenException usage(String message, String hint) {
        return new WardenException(message, hint);
    }
}
