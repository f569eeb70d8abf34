package com.warden.app.schema;

import com.warden.app.WardenException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway over the migrations jar (classpath db/migration), history in core.flyway_schema_history.
 */
public final class SchemaMigrator {
    public static final String SCHEMA = "core";
    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** What a migrate did: how many ran, and the version before and after. */
    public record Outcome(int applied, String fromVersion, String toVersion) {
        public String line() {
            return applied == 0
                    ? "Schema core is up to date at version " + toVersion + "; nothing to apply."
                    : "Applied " + applied + " migration" + (applied == 1 ? "" : "s") + ": core is now at version "
                      + toVersion + (fromVersion == null ? "" : " (was " + fromVersion + ")") + ".";
        }
    }

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
    }

    public Outcome migrate() {
        try {
            MigrateResult result = flyway().migrate();
            return new Outcome(result.migrationsExecuted, result.initialSchemaVersion, result.targetSchemaVersion == null
                    ? result.initialSchemaVersion : result.targetSchemaVersion);
        } catch (FlywayException e) {
            throw new WardenException("Migration failed: " + firstLine(e.getMessage()),
                    "nothing of the failed migration was kept (each runs in a transaction)", e);
        }
    }

    public List<MigrationRow> info() {
        MigrationInfoService info = flyway().info();
        return Arrays.stream(info.all())
                .map(m -> new MigrationRow(m.getVersion() == null ? "" : m.getVersion().getVersion(),
                        m.getDescription(), state(m), installedOn(m), m.getExecutionTime()))
                .toList();
    }

    /** The newest version this Warden ships. */
    public String latestKnownVersion() {
        MigrationInfo[] all = flyway().info().all();
        String latest = null;
        for (MigrationInfo m : all) {
            if (m.getVersion() != null && m.getState() != MigrationState.FUTURE_SUCCESS) {
                latest = m.getVersion().getVersion();
            }
        }
        return latest;
    }

    /** Says whether the connected database is a project database, in one line. */
    public ProjectStatus detect() {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, "SELECT 1 FROM pg_namespace WHERE nspname = ?", SCHEMA)) {
                return new ProjectStatus(ProjectStatus.Kind.NOT_A_PROJECT, null, 0,
                        "Not a project database: there is no schema core. Health, latency and backups work; "
                                + "run 'warden migrate' to create the project schema.");
            }
            if (!exists(c, "SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = '" + HISTORY_TABLE + "'", SCHEMA)) {
                return new ProjectStatus(ProjectStatus.Kind.UNMANAGED_CORE, null, 0,
                        "Schema core exists but has no Warden migration history; the project screens may not match it.");
            }
        } catch (SQLException e) {
            throw new WardenException("Cannot inspect the schema: " + firstLine(e.getMessage()), null, e);
        }
        List<MigrationRow> rows = info();
        int pending = (int) rows.stream().filter(r -> r.state().equals("Pending")).count();
        boolean future = rows.stream().anyMatch(r -> r.state().equals("Future"));
        String current = rows.stream().filter(r -> r.state().equals("Success")).map(MigrationRow::version)
                .reduce((a, b) -> b).orElse(null);
        if (future) {
            return new ProjectStatus(ProjectStatus.Kind.NEWER, current, 0,
                    "Project database at version " + current + ", newer than this Warden knows; some views may be incomplete.");
        }
        if (pending > 0) {
            return new ProjectStatus(ProjectStatus.Kind.PENDING, current, pending,
                    "Project database at version " + (current == null ? "none" : current) + " with " + pending
                            + " pending migration" + (pending == 1 ? "" : "s") + "; run 'warden migrate'.");
        }
        return new ProjectStatus(ProjectStatus.Kind.CURRENT, current, 0, "Project database, schema core at version " + current + ".");
    }

    private static boolean exists(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String state(MigrationInfo m) {
        return switch (m.getState()) {
            case SUCCESS, BASELINE -> "Success";
            case PENDING -> "Pending";
            case FUTURE_SUCCESS, FUTURE_FAILED -> "Future";
            case FAILED -> "Failed";
            default -> m.getState().getDisplayName();
        };
    }

    private static Instant installedOn(MigrationInfo m) {
        return m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("---")) {
                return t;
            }
        }
        return text.strip();
    }
}
