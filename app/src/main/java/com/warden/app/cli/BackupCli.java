package com.warden.app.cli;

import com.warden.app.backup.BackupCatalog;
import com.warden.app.backup.BackupManifest;
import com.warden.app.backup.CatalogEntry;
import com.warden.app.backup.Step;
import com.warden.app.backup.VerificationReport;
import com.warden.app.job.CancellableJob;
import com.warden.app.job.JobContext;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/**
 * What the backup, restore, pitr and drill commands share: the catalogue option, a progress line
 * on stderr, and Ctrl+C that cancels the work (the tool is stopped and its partial output
 * removed) before the JVM exits.
 */
final class BackupCli {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private BackupCli() { }

    /** --catalog DIR, default $XDG_DATA_HOME/warden/backups. */
    static final class CatalogOption {
        @Option(names = "--catalog", paramLabel = "DIR", description = "the backup catalogue folder (default: $XDG_DATA_HOME/warden/backups)")
        Path catalog;

        Path root() {
            return catalog != null ? catalog : BackupCatalog.defaultRoot();
        }

        BackupCatalog open() {
            return new BackupCatalog(root());
        }
    }

    /** A job context that prints progress (at most twice a second) and is cancelled by Ctrl+C. */
    static final class CliJob implements JobContext, AutoCloseable {
        private final CancellableJob job;
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread hook;

        CliJob(boolean quiet) {
            long[] last = {0};
            String[] lastMessage = {""};
            this.job = new CancellableJob(p -> {
                if (quiet) {
                    return;
                }
                long now = System.nanoTime();
                synchronized (last) {
                    if (now - last[0] < 500_000_000L && p.message().equals(lastMessage[0])) {
                        return;
                    }
                    if (now - last[0] < 500_000_000L && p.total() > 0 && p.done() < p.total()) {
                        return;
                    }
                    last[0] = now;
                    lastMessage[0] = p.message();
                }
                String pct = p.total() > 0 && p.done() >= 0 ? String.format("[%3d%%] ", Math.min(100, p.done() * 100 / p.total())) : "       ";
                Console.err().println(pct + p.message());
            });
            this.hook = new Thread(() -> {
                job.cancel();
                try {
                    // let the work remove what it wrote before the JVM goes
                    done.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "warden-cli-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void progress(long d, long total, String message) {
            job.progress(d, total, message);
        }

        @Override
        public boolean isCancelled() {
            return job.isCancelled();
        }

        @Override
        public void onCancel(Runnable action) {
            job.onCancel(action);
        }

        @Override
        public void close() {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // shutting down: the hook is running
            }
        }
    }

    static Map<String, Object> entryJson(CatalogEntry e) {
        BackupManifest m = e.manifest();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("folder", e.folder().toString());
        out.put("state", e.state().name().toLowerCase());
        out.put("state_detail", e.stateDetail());
        out.put("manifest", m);
        return out;
    }

    static void printEntry(CatalogEntry e) {
        BackupManifest m = e.manifest();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("folder", e.folder());
        rows.put("kind", m.kind().name().toLowerCase() + " " + m.format() + (m.compression() == null ? "" : ", compression " + m.compression())
                + (m.jobs() > 1 ? ", " + m.jobs() + " jobs" : ""));
        rows.put("source", m.source().uri() + " (PostgreSQL " + m.source().serverVersion() + ")");
        rows.put("tool", m.tool() == null ? "" : m.tool().path() + " " + m.tool().version());
        rows.put("taken", (m.startedAt() == null ? "" : TIME.format(m.startedAt())) + " to "
                + (m.finishedAt() == null ? "" : TIME.format(m.finishedAt())) + " (" + m.duration().toMillis() / 1000.0 + " s)");
        rows.put("WAL", m.startLsn() + " to " + m.endLsn() + (m.timeline() == null ? "" : ", timeline " + m.timeline()));
        rows.put("size", com.warden.app.backup.Bytes.human(m.backupBytes()) + " (database " + com.warden.app.backup.Bytes.human(m.databaseBytes()) + ")");
        rows.put("files", (m.files() == null ? 0 : m.files().size()) + " with SHA-256");
        rows.put("tables", (m.tables() == null ? 0 : m.tables().size()) + " tables, " + String.format("%,d", m.totalRows()) + " rows");
        rows.put("verified", m.verification() == null ? "no" : (m.verification().ok() ? "yes: " : "FAILED: ") + m.verification().method()
                + " — " + m.verification().detail());
        Console.out().println("Backup " + m.id() + " (" + e.state().label() + ")");
        rows.forEach((k, v) -> Console.out().printf("  %-9s %s%n", k, v));
        Console.out().println("  command   " + m.command());
    }

    static void printSteps(List<Step> steps) {
        TextTable t = TextTable.of("step", "seconds", "ok", "detail");
        for (Step s : steps) {
            t.row(s.name(), String.format("%.2f", s.seconds()), s.ok() ? "yes" : "NO", s.detail());
        }
        Console.out().println(t.render());
    }

    static void printVerification(VerificationReport v) {
        if (v == null) {
            return;
        }
        Console.out().println();
        Console.out().println("Verification: " + v.verdict() + " — " + v.summary());
        if (!v.tables().isEmpty()) {
            TextTable t = TextTable.of("table", "manifest", "restored", "");
            for (VerificationReport.TableCheck c : v.tables()) {
                t.row(c.table(), c.expected() == null ? "-" : String.format("%,d", c.expected()),
                        c.actual() == null ? "missing" : String.format("%,d", c.actual()), c.ok() ? "ok" : "DIFFERS");
            }
            Console.out().println(t.render());
        }
        v.foreignKeyProblems().forEach(p -> Console.out().println("foreign key: " + p));
        v.indexProblems().forEach(p -> Console.out().println("index: " + p));
        for (VerificationReport.IntegrityCheck c : v.integrity()) {
            Console.out().println("integrity " + c.name() + ": " + c.detail());
        }
    }
}
