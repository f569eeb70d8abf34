package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.backup.BackupCatalog;
import com.warden.app.backup.CatalogEntry;
import com.warden.app.backup.RestorePlan;
import com.warden.app.backup.RestoreRequest;
import com.warden.app.backup.RestoreResult;
import com.warden.app.backup.RestoreService;
import com.warden.app.backup.RestoreTarget;
import com.warden.app.backup.TableName;
import com.warden.app.backup.VerificationReport;
import com.warden.app.connect.ConnectionProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup into a new database on the --url server (the default, name suggested), into a scratch",
                "instance, or over an existing database (only with --confirm and its exact name), then verify it: row counts",
                "against the manifest, foreign keys, indexes and the integrity checks. Exit 1 when the verification fails."})
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    BackupCli.CatalogOption catalog;

    @Parameters(paramLabel = "BACKUP", description = "backup id, backup folder, or a pg_dump file")
    String backup;

    @ArgGroup(exclusive = true)
    Target target = new Target();

    static final class Target {
        @Option(names = "--into", paramLabel = "NAME", description = "a new database on the --url server (default: <db>_restored_<time>)")
        String into;

        @Option(names = "--scratch", description = "a scratch instance (initdb + pg_ctl on a free loopback port), removed afterwards")
        boolean scratch;

        @Option(names = "--over", paramLabel = "NAME", description = "over this existing database, in one transaction; needs --confirm NAME")
        String over;
    }

    @Option(names = "--confirm", paramLabel = "NAME", description = "the name of the database given to --over, typed again")
    String confirm;

    @Option(names = "--keep", description = "with --scratch: keep the instance running and print how to stop it")
    boolean keep;

    @Option(names = {"-t", "--table"}, paramLabel = "SCHEMA.TABLE", description = "restore only these tables (repeatable)")
    List<String> tables = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, defaultValue = "2", description = "parallel pg_restore jobs (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--no-verify", description = "skip the verification")
    boolean noVerify;

    @Option(names = "--no-integrity", description = "skip the project integrity functions in the verification")
    boolean noIntegrity;

    @Option(names = "--scratch-dir", paramLabel = "DIR", description = "where scratch folders go (default: the temp folder)")
    Path scratchDir;

    @Option(names = "--dry-run", description = "check everything and print the command, without restoring")
    boolean dryRun;

    @Option(names = "--json")
    boolean json;

    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Override
    public Integer call() {
        RestoreService service = RestoreService.system();
        CatalogEntry entry = resolve(service);
        RestoreTarget t;
        ConnectionProfile server = null;
        if (target.scratch) {
            t = new RestoreTarget.Scratch(keep, scratchDir);
        } else {
            if (!connection.given()) {
                throw new WardenException("No server to restore into.", "give --url for the server, or --scratch for a scratch instance");
            }
            server = connection.profile();
            if (target.over != null) {
                t = new RestoreTarget.Existing(target.over, confirm);
            } else {
                t = new RestoreTarget.NewDatabase(target.into != null ? target.into : RestoreRequest.suggestName(entry.manifest()));
            }
        }
        if (keep && !target.scratch) {
            throw new WardenException("--keep applies to --scratch.", "add --scratch, or leave --keep out");
        }
        List<TableName> chosen = tables.stream().map(TableName::parse).toList();
        RestoreRequest request = new RestoreRequest(entry, server, t, chosen, jobs, !noVerify, !noIntegrity);
        try (BackupCli.CliJob job = new BackupCli.CliJob(quiet || json)) {
            RestorePlan plan = service.plan(request, job);
            if (!quiet && !json || dryRun) {
                Console.err().println("Restoring " + entry.id() + " into " + t.describe());
                plan.notes().forEach(n -> Console.err().println("  note: " + n));
                if (!plan.commandLine().isEmpty()) {
                    Console.err().println("  $ " + plan.commandLine());
                }
            }
            if (dryRun) {
                return WardenCli.OK;
            }
            RestoreResult result = service.run(plan, job);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("backup", entry.id());
                doc.put("target", t.describe());
                doc.put("database", result.database());
                doc.put("url", result.profile() == null ? null : result.profile().safeUri());
                if (result.scratch() != null) {
                    doc.put("stop_command", result.scratch().stopCommand());
                }
                doc.put("seconds", result.elapsed().toMillis() / 1000.0);
                doc.put("steps", result.steps());
                doc.put("verification", result.verification());
                doc.put("command", result.command());
                Console.out().println(Json.write(doc));
            } else {
                Console.out().println("Restored " + entry.id() + " into " + t.describe() + " in "
                        + String.format("%.1f s", result.elapsed().toMillis() / 1000.0));
                BackupCli.printSteps(result.steps());
                BackupCli.printVerification(result.verification());
                if (result.profile() != null) {
                    Console.out().println();
                    Console.out().println("Connect: " + result.profile().safeUri());
                }
                if (result.scratch() != null) {
                    Console.out().println("The scratch instance keeps running. Stop it with:");
                    Console.out().println("  " + result.scratch().stopCommand());
                }
            }
            return result.verification() != null && result.verification().verdict() == VerificationReport.Verdict.FAIL
                    ? WardenCli.FINDINGS : WardenCli.OK;
        }
    }

    private CatalogEntry resolve(RestoreService service) {
        Path asPath = Path.of(backup);
        BackupCatalog c = catalog.open();
        if (Files.isRegularFile(asPath) && !Files.exists(asPath.resolveSibling(com.warden.app.backup.BackupManifest.FILE_NAME))) {
            return service.describeFile(asPath);
        }
        if (Files.isDirectory(asPath) && Files.exists(asPath.resolve("toc.dat"))) {
            return service.describeFile(asPath);
        }
        return c.get(backup);
    }
}
