package com.warden.app.cli;

import com.warden.app.config.AppDirs;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.health.CheckResult;
import com.warden.app.health.CheckStatus;
import com.warden.app.health.HealthReport;
import com.warden.app.health.HealthService;
import com.warden.app.health.HealthStatus;
import com.warden.app.health.HealthThresholds;
import com.warden.app.health.Threshold;
import com.warden.app.health.ThresholdStore;
import com.warden.app.latency.ReportWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Health checks with a score from 0 to 1 and a status: healthy, degraded or critical.",
                "Works on any PostgreSQL 13+; the project checks run when schema core exists.",
                "Exit code 1 when the status reaches --fail-on."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "STATUS", description = "exit 1 when the status is at least degraded or critical")
    String failOn;

    @Option(names = {"-v", "--details"}, description = "print the lines behind each value (tables, sessions, indexes)")
    boolean details;

    @Option(names = "--set", paramLabel = "KEY=WARN[,CRIT]",
            description = "a threshold for this run, e.g. --set long_running_s=30,120 (critical 'none' to warn only)")
    List<String> set = List.of();

    @Option(names = "--save", description = "keep the --set thresholds in the config folder for later runs")
    boolean save;

    @Option(names = "--thresholds", description = "print the thresholds in force and where they are kept, then exit")
    boolean showThresholds;

    @Option(names = "--reset-thresholds", description = "forget the saved thresholds (back to the defaults), then exit")
    boolean reset;

    @Override
    public Integer call() throws Exception {
        HealthStatus failStatus = failOn == null ? null : HealthStatus.parse(failOn);
        if (failStatus == HealthStatus.HEALTHY) {
            throw new com.warden.app.WardenException("--fail-on healthy would always fail.", "use degraded or critical");
        }
        ThresholdStore store = new ThresholdStore(AppDirs.fromEnvironment().config());
        if (reset) {
            Files.deleteIfExists(store.file());
            Console.out().println("Health thresholds are back to the defaults (" + store.file() + " removed).");
            return WardenCli.OK;
        }
        HealthThresholds thresholds = store.load();
        for (String assignment : set) {
            thresholds = thresholds.with(assignment);
        }
        if (save) {
            store.save(thresholds);
            Console.err().println("Saved thresholds to " + store.file());
        }
        if (showThresholds) {
            printThresholds(thresholds, store);
            return WardenCli.OK;
        }
        HealthReport report;
        try (Database db = connection.open(Access.READ_ONLY)) {
            report = new HealthService().run(db, thresholds, Console.progress(json));
        }
        if (json) {
            Console.out().println(ReportWriter.mapper().writeValueAsString(report));
        } else {
            print(report);
        }
        return failStatus != null && report.status().atLeast(failStatus) ? WardenCli.FINDINGS : WardenCli.OK;
    }

    private void print(HealthReport r) {
        Console.out().println("Health of " + r.target() + " (PostgreSQL " + r.serverVersion() + ", "
                + (r.projectDatabase() ? "project database" : "no schema core: project checks skipped") + ")");
        TextTable table = TextTable.of("STATUS", "CHECK", "VALUE");
        for (CheckResult c : r.checks()) {
            table.row(label(c), c.title(), c.value());
        }
        Console.out().println(table.render());
        boolean any = false;
        for (CheckResult c : r.checks()) {
            boolean problem = c.status() == CheckStatus.WARNING || c.status() == CheckStatus.CRITICAL || c.status() == CheckStatus.ERROR;
            if (details && !c.details().isEmpty() || problem || c.partial()) {
                if (!any) {
                    Console.out().println();
                    any = true;
                }
                Console.out().println(c.title() + " — " + c.status().name().toLowerCase(Locale.ROOT)
                        + (c.threshold().isEmpty() ? "" : " (" + c.threshold() + ")"));
                if (!c.hint().isEmpty()) {
                    Console.out().println("  fix: " + c.hint());
                }
                if (c.partial()) {
                    Console.out().println("  partial: " + c.partialReason());
                }
                if (details) {
                    c.details().forEach(d -> Console.out().println("  · " + d));
                }
            }
        }
        Console.out().println();
        Console.out().printf(Locale.ROOT, "Overall: %s  (%d checks in %d ms)%n", r.summary(), r.checks().size(), r.elapsedMs());
    }

    private static String label(CheckResult c) {
        String s = c.status().name().toLowerCase(Locale.ROOT);
        return c.partial() ? s + "*" : s;
    }

    private static void printThresholds(HealthThresholds t, ThresholdStore store) {
        Map<String, Threshold> changed = t.changedFromDefaults();
        TextTable table = TextTable.of("KEY", "MEANING", "WARNING", "CRITICAL", "");
        for (Threshold th : t.all()) {
            String dir = th.direction() == Threshold.Direction.ABOVE ? "> " : "< ";
            table.row(th.key(), th.label(), dir + th.format(th.warning()),
                    th.critical() == null ? "none" : dir + th.format(th.critical()), changed.containsKey(th.key()) ? "(yours)" : "");
        }
        Console.out().println(table.render());
        Console.out().println();
        Console.out().println("Your thresholds: " + store.file() + (Files.exists(store.file()) ? "" : " (none saved yet)"));
        Console.out().println("Change one: warden check --set KEY=WARNING[,CRITICAL] --save   (ratios as fractions, e.g. 0.99)");
    }
}
