package com.warden.app.demo;

import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the project schema with the demo (scale S) or scale data (M, L), deterministically for
 * a seed. Everything goes in by COPY inside ONE transaction: a failed or cancelled seed leaves
 * the database as it was. Apps are generated in batches on a second thread while the previous
 * batch streams into the server.
 */
public final class DemoSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    /** Timestamps are laid out before this instant, so a seed gives the same rows whenever it runs. */
    public static final Instant ANCHOR = Instant.parse("2026-11-20T12:00:00Z");
    public static final long DEFAULT_SEED = 42;
    private static final int APPS_PER_BATCH = 20;

    private final DataSource dataSource;

    public DemoSeeder(DataSource writableDataSource) {
        this.dataSource = writableDataSource;
    }

    public SeedReport seed(Scale scale, long seed, boolean clear, JobContext job) {
        long started = System.nanoTime();
        List<DemoTemplate> templates = new TemplateLoader().loadAll();
        int appCount = templates.size() * scale.appsPerTemplate;
        int userCount = scale == Scale.S ? 8 : Math.max(8, appCount * 3 / 5);
        List<DemoUsers.User> users = DemoUsers.make(userCount, seed, ANCHOR);
        Map<String, Long> counts = new LinkedHashMap<>();
        ExecutorService generator = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "warden-seed-generator");
            t.setDaemon(true);
            return t;
        });
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            job.onCancel(() -> cancelQuietly(c));
            try {
                prepare(c, clear);
                TableRows userRows = new TableRows();
                users.forEach(u -> userRows.add("core.users", u.id(), u.email(), u.displayName(), u.createdAt()));
                load(c, userRows, counts);
                Future<TableRows> next = generator.submit(() -> generateBatch(templates, users, scale, seed, 0, appCount));
                for (int from = 0; from < appCount; from += APPS_PER_BATCH) {
                    job.checkCancelled();
                    TableRows batch = next.get();
                    int following = from + APPS_PER_BATCH;
                    next = following < appCount
                            ? generator.submit(() -> generateBatch(templates, users, scale, seed, following, appCount))
                            : null;
                    load(c, batch, counts);
                    job.progress(Math.min(appCount, following), appCount,
                            "Loaded " + Math.min(appCount, following) + " of " + appCount + " apps (" + counts.getOrDefault("core.messages", 0L) + " messages)");
                }
                job.progress(appCount, appCount, "Refreshing statistics and the working-set view");
                try (Statement st = c.createStatement()) {
                    st.execute("REFRESH MATERIALIZED VIEW core.working_set_enriched");
                }
                c.commit();
            } catch (SQLException | RuntimeException | ExecutionException | InterruptedException e) {
                rollbackQuietly(c);
                if (job.isCancelled()) {
                    throw new WardenException("Seeding cancelled; nothing was written.");
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (e instanceof WardenException w) {
                    throw w;
                }
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                throw new WardenException("Seeding failed, nothing was written: " + cause.getMessage(), null, cause);
            }
            // ANALYZE outside the load transaction, so the planner knows the new sizes at once
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE core.users, core.apps, core.app_collaborators, core.sessions, core.messages, "
                        + "core.session_memory, core.events, core.files, core.file_versions, core.file_references, "
                        + "core.working_set, core.image_jobs, core.image_assets");
            }
        } catch (SQLException e) {
            throw new WardenException("Seeding failed: " + e.getMessage(), null, e);
        } finally {
            generator.shutdownNow();
        }
        SeedReport report = new SeedReport(scale, seed, counts, Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Seeded scale {} (seed {}): {} rows in {} ms", scale, seed, report.totalRows(), report.elapsed().toMillis());
        return report;
    }

    private static TableRows generateBatch(List<DemoTemplate> templates, List<DemoUsers.User> users, Scale scale,
                                           long seed, int from, int appCount) {
        TableRows rows = new TableRows();
        for (int i = from; i < Math.min(appCount, from + APPS_PER_BATCH); i++) {
            DemoTemplate template = templates.get(i % templates.size());
            int copy = i / templates.size();
            DemoUsers.User owner = users.get(i % users.size());
            List<DemoUsers.User> collaborators = new ArrayList<>();
            int n = 1 + (i * 7 + copy) % 2;
            for (int k = 1; k <= n; k++) {
                collaborators.add(users.get((i + k * 3) % users.size()));
            }
            collaborators.removeIf(u -> u.id().equals(owner.id()));
            rows.addAll(new AppGenerator(template, i, copy, scale, seed, ANCHOR, owner,
                    collaborators.stream().distinct().toList()).generate());
        }
        return rows;
    }

    private static void prepare(Connection c, boolean clear) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('core.users') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new WardenException("Not a project database: there is no table core.users.",
                            "run 'warden migrate' on it first");
                }
            }
            if (clear) {
                st.execute("TRUNCATE core.users, core.apps, core.app_collaborators, core.sessions, core.messages, "
                        + "core.session_memory, core.events, core.files, core.file_versions, core.file_references, "
                        + "core.working_set, core.image_jobs, core.image_assets CASCADE");
            } else {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM core.users")) {
                    rs.next();
                    long existing = rs.getLong(1);
                    if (existing > 0) {
                        throw new WardenException("The project schema already holds " + existing + " users; nothing was written.",
                                "add --clear to replace all project data with the generated set");
                    }
                }
            }
        }
    }

    private static void load(Connection c, TableRows rows, Map<String, Long> counts) throws SQLException {
        for (Map.Entry<String, String> table : TableRows.COLUMNS.entrySet()) {
            List<Object[]> list = rows.of(table.getKey());
            if (list.isEmpty()) {
                continue;
            }
            try (CopyWriter copy = new CopyWriter(c, table.getKey(), table.getValue())) {
                for (Object[] row : list) {
                    copy.row(row);
                }
            }
            counts.merge(table.getKey(), (long) list.size(), Long::sum);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is going away anyway; the server rolls back on disconnect
        }
    }

    private static void cancelQuietly(Connection c) {
        try {
            c.unwrap(org.postgresql.PGConnection.class).cancelQuery();
        } catch (SQLException ignored) {
            // best effort
        }
    }
}
