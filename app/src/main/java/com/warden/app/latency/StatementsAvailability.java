package com.warden.app.latency;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether pg_stat_statements can be read in this database, and if not, what to do about it:
 * the one place that says how to turn it on, for the health check and the statements panel.
 */
public record StatementsAvailability(boolean available, boolean loaded, boolean created, String schema) {

    public boolean ready() {
        return loaded && created;
    }

    public static StatementsAvailability read(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements') AS available,
                            current_setting('shared_preload_libraries') ~ '(^|[\\s,])pg_stat_statements([\\s,]|$)' AS loaded,
                            (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                              WHERE e.extname = 'pg_stat_statements') AS schema""")) {
            rs.next();
            String schema = rs.getString("schema");
            return new StatementsAvailability(rs.getBoolean("available"), rs.getBoolean("loaded"), schema != null, schema);
        }
    }

    /** One line for the panel: what is missing. Empty when ready. */
    public String problem() {
        if (ready()) {
            return "";
        }
        if (!available) {
            return "pg_stat_statements is not available on this server.";
        }
        if (!loaded) {
            return "pg_stat_statements is not loaded (it is not in shared_preload_libraries).";
        }
        return "pg_stat_statements is loaded but the extension is not created in this database.";
    }

    public String howToEnable() {
        if (!available) {
            return "install the contrib package of your PostgreSQL (e.g. postgresql-contrib), add pg_stat_statements to "
                    + "shared_preload_libraries in postgresql.conf, restart, then CREATE EXTENSION pg_stat_statements";
        }
        if (!loaded) {
            return "add pg_stat_statements to shared_preload_libraries in postgresql.conf (ALTER SYSTEM SET "
                    + "shared_preload_libraries = 'pg_stat_statements'), restart the server, then run "
                    + "CREATE EXTENSION pg_stat_statements in this database";
        }
        return created ? "" : "run CREATE EXTENSION pg_stat_statements in this database (as a superuser or the database owner)";
    }

    /** "schema"."pg_stat_statements" quoted for SQL; only valid when ready. */
    public String relation() {
        return "\"" + schema.replace("\"", "\"\"") + "\".pg_stat_statements";
    }
}
