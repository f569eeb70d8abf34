package com.warden.app.integrity;

import com.warden.app.connect.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker connections of one run, each in a read-only REPEATABLE READ transaction that
 * imports the same exported snapshot (as pg_dump -j does): every check sees the database as it
 * was at one instant, and block ranges cover each row exactly once. When the server refuses to
 * export a snapshot (a standby before PostgreSQL 10, a pooler in transaction mode) each
 * connection takes its own, and tables are split by key ranges instead.
 */
final class ScanSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScanSession.class);
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");
    private static final AtomicInteger RUNS = new AtomicInteger();
    static final String APPLICATION_NAME = "warden integrity";

    private final List<Connection> connections;
    private final String snapshot;
    private final ExecutorService pool;

    private ScanSession(List<Connection> connections, String snapshot) {
        this.connections = connections;
        this.snapshot = snapshot;
        int run = RUNS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(connections.size(), r -> {
            Thread t = new Thread(r, "warden-integrity-" + run + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static ScanSession open(Database db, int workers, long statementTimeoutMs) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            Connection first = begin(db, opened, statementTimeoutMs);
            String snapshot = null;
            try (Statement st = first.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            } catch (SQLException e) {
                // not in a subtransaction (it cannot be), so start the transaction again without it
                LOG.info("No shared snapshot ({}); each connection reads its own", e.getMessage());
                first.rollback();
                local(first, statementTimeoutMs);
            }
            if (snapshot != null && !SNAPSHOT_ID.matcher(snapshot).matches()) {
                snapshot = null;
            }
            for (int i = 1; i < workers; i++) {
                Connection c = begin(db, opened, statementTimeoutMs);
                if (snapshot != null) {
                    try (Statement st = c.createStatement()) {
                        // an id the server just gave us, checked against a strict pattern above
                        st.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                    }
                }
            }
            return new ScanSession(opened, snapshot);
        } catch (SQLException | RuntimeException e) {
            for (Connection c : opened) {
                end(c);
            }
            throw e;
        }
    }

    private static Connection begin(Database db, List<Connection> opened, long statementTimeoutMs) throws SQLException {
        Connection c = db.connection();
        opened.add(c);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        // SET TRANSACTION SNAPSHOT must come first in the transaction; SET LOCAL is not a query and may follow
        if (opened.size() > 1) {
            return c;
        }
        local(c, statementTimeoutMs);
        return c;
    }

    private static void local(Connection c, long statementTimeoutMs) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL application_name = '" + APPLICATION_NAME + "'");
            st.execute("SET LOCAL statement_timeout = " + Math.max(0, statementTimeoutMs));
            // whole-table joins (head pointers, references) hash in memory instead of spilling in batches
            st.execute("SELECT set_config('work_mem', '64MB', true) WHERE pg_size_bytes(current_setting('work_mem')) < 64 * 1024 * 1024");
        }
    }

    /** After the snapshot import: the per-transaction settings of the other connections. */
    void settle(long statementTimeoutMs) throws SQLException {
        for (int i = 1; i < connections.size(); i++) {
            local(connections.get(i), statementTimeoutMs);
        }
    }

    boolean sharedSnapshot() {
        return snapshot != null;
    }

    Connection planner() {
        return connections.get(0);
    }

    int size() {
        return connections.size();
    }

    /**
     * Runs the tasks on all connections until the queue is empty or the scan stops. A task that
     * fails for its own reasons (privileges, a lock, corrupt rows) is rolled back to its savepoint
     * and noted; the others go on.
     */
    void run(List<ScanTask> tasks, ScanContext ctx, TaskFailureHandler onFailure) throws InterruptedException {
        ConcurrentLinkedQueue<ScanTask> queue = new ConcurrentLinkedQueue<>(tasks);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            int worker = i;
            Connection c = connections.get(i);
            futures.add(pool.submit(() -> {
                ScanTask task;
                while (!ctx.stopped() && (task = queue.poll()) != null) {
                    runOne(worker, c, task, ctx, onFailure);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // a bug, not a database error: stop the others and say so
                ctx.stop(ScanContext.Stop.CONNECTION_LOST, "an internal error: " + e.getCause(), e.getCause());
                LOG.error("Integrity worker failed", e.getCause());
            }
        }
    }

    private static void runOne(int worker, Connection c, ScanTask task, ScanContext ctx, TaskFailureHandler onFailure)
            throws SQLException {
        long started = System.nanoTime();
        ctx.started(worker, task);
        boolean savepoint = false;
        try {
            try (Statement st = c.createStatement()) {
                st.execute("SAVEPOINT warden_task");
            }
            savepoint = true;
            task.run(c, ctx);
            try (Statement st = c.createStatement()) {
                st.execute("RELEASE SAVEPOINT warden_task");
            }
            ctx.finished(worker, task, System.nanoTime() - started, true, null);
            LOG.debug("{} took {} ms on connection {}", task.label(), (System.nanoTime() - started) / 1_000_000, worker + 1);
        } catch (ScanStopped stopped) {
            ctx.finished(worker, task, System.nanoTime() - started, false, null);
        } catch (SQLException e) {
            String problem = onFailure.handle(task, e, c);
            if (problem != null && savepoint && !ctx.stopped()) {
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK TO SAVEPOINT warden_task");
                } catch (SQLException lost) {
                    onFailure.handle(task, lost, c);
                }
            }
            ctx.finished(worker, task, System.nanoTime() - started, false, problem);
        }
    }

    /** Decides what a failed task means: returns the problem to note, or stops the scan. */
    @FunctionalInterface
    interface TaskFailureHandler {
        String handle(ScanTask task, SQLException error, Connection c);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (Connection c : connections) {
            end(c);
        }
    }

    private static void end(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // a lost connection: the pool drops it on close
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
