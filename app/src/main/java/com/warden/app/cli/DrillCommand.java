package com.warden.app.cli;

import com.warden.app.backup.BackupFormat;
import com.warden.app.backup.BackupKind;
import com.warden.app.backup.BackupRequest;
import com.warden.app.backup.DrillReport;
import com.warden.app.backup.DrillRequest;
import com.warden.app.backup.RestoreDrill;
import com.warden.app.backup.Step;
import com.warden.app.backup.ToolLocator;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.ProfileResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"A restore drill: take (--take) or pick the latest backup of the --url database (or --backup ID), restore it",
                "into a scratch instance, verify it (row counts against the manifest, foreign keys, indexes, integrity checks),",
                "measure RTO and RPO, and tear the instance down, even after a failure. The report (JSON and HTML) goes to the",
                "catalogue's drills folder. Exit 0 when the drill passes, 1 when it fails."})
final class DrillCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    BackupCli.CatalogOption catalog;

    @Option(names = "--backup", paramLabel = "ID", description = "drill this backup instead of the latest one")
    String backupId;

    @Option(names = "--take", description = "take a new backup first (logical custom unless --kind physical)")
    boolean take;

    @Option(names = "--kind", defaultValue = "logical", description = "with --take: logical or physical")
    String kind;

    @Option(names = "--archive", paramLabel = "DIR", description = "for a physical backup: the WAL archive (replayed to its end)")
    Path archive;

    @Option(names = "--scratch-dir", paramLabel = "DIR", description = "where the scratch folder goes")
    Path scratchDir;

    @Option(names = "--no-integrity", description = "skip the project integrity functions")
    boolean noIntegrity;

    @Option(names = "--history", description = "print the drills so far (RTO trend) and stop")
    boolean history;

    @Option(names = "--json")
    boolean json;

    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Override
    public Integer call() {
        if (history) {
            return printHistory();
        }
        ConnectionProfile source = connection.given() || backupId == null ? connection.profile() : null;
        BackupKind k = BackupKind.parse(kind);
        BackupRequest br = take ? new BackupRequest(k, k == BackupKind.LOGICAL ? BackupFormat.CUSTOM : BackupFormat.PLAIN, null, 1,
                null, catalog.root(), "drill", true) : null;
        DrillRequest request = new DrillRequest(source, catalog.root(), backupId, take, br, archive, scratchDir, !noIntegrity);
        DrillReport report;
        try (BackupCli.CliJob job = new BackupCli.CliJob(quiet || json)) {
            report = new RestoreDrill(ToolLocator.system(), ProfileResolver.system()).run(request, job);
        }
        Path folder = RestoreDrill.drillsFolder(catalog.root());
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("verdict", report.verdict());
            doc.put("rto_seconds", report.rtoSeconds());
            doc.put("rpo_seconds", report.rpoSeconds());
            doc.put("tables", report.tables());
            doc.put("report", report);
            doc.put("html", folder.resolve(report.id() + ".html").toString());
            Console.out().println(Json.write(doc));
        } else {
            Console.out().println("Restore drill " + report.id() + ": " + report.verdict());
            Console.out().println("  backup   " + report.backupId());
            Console.out().println(String.format("  RTO      %.1f s (start of the restore to a verified database)", report.rtoSeconds()));
            Console.out().println("  RPO      " + (report.rpoSeconds() < 0 ? "-" : String.format("%.0f s", report.rpoSeconds()))
                    + " (age of the newest restorable point)");
            if (report.failure() != null) {
                Console.out().println("  failure  " + report.failure());
            }
            BackupCli.printSteps(report.steps());
            BackupCli.printVerification(report.verification());
            Console.out().println();
            Console.out().println("Report: " + folder.resolve(report.id() + ".html"));
        }
        return DrillReport.FAIL.equals(report.verdict()) ? WardenCli.FINDINGS : WardenCli.OK;
    }

    private int printHistory() {
        List<DrillReport> all = RestoreDrill.history(catalog.root());
        if (json) {
            Console.out().println(Json.write(all));
            return WardenCli.OK;
        }
        if (all.isEmpty()) {
            Console.out().println("No drills yet in " + RestoreDrill.drillsFolder(catalog.root()) + ".");
            return WardenCli.OK;
        }
        TextTable t = TextTable.of("drill", "backup", "verdict", "RTO s", "RPO s", "steps");
        double max = all.stream().mapToDouble(DrillReport::rtoSeconds).max().orElse(1);
        for (DrillReport r : all) {
            int bar = max <= 0 ? 0 : (int) Math.round(20 * r.rtoSeconds() / max);
            t.row(r.id(), r.backupId(), r.verdict(), String.format("%.1f %s", r.rtoSeconds(), "#".repeat(bar)),
                    r.rpoSeconds() < 0 ? "-" : String.format("%.0f", r.rpoSeconds()), r.steps().stream().map(Step::name).count());
        }
        Console.out().println(t.render());
        return WardenCli.OK;
    }
}
