package com.warden.app.health;

import com.warden.app.latency.StatementsAvailability;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Connectivity, version and uptime, pending restarts, pg_stat_statements. */
final class ServerChecks {
    private ServerChecks() { }

    /** End of community support per major version (postgresql.org/support/versioning). */
    static final Map<Integer, LocalDate> END_OF_LIFE = Map.of(
            13, LocalDate.of(2025, 11, 13),
            14, LocalDate.of(2026, 11, 12),
            15, LocalDate.of(2027, 11, 11),
            16, LocalDate.of(2028, 11, 9),
            17, LocalDate.of(2029, 11, 8),
            18, LocalDate.of(2030, 11, 14));

    static List<HealthCheck> all() {
        return List.of(
                HealthCheck.of("connectivity", "Connectivity and round trip", "server", 3, ServerChecks::connectivity),
                HealthCheck.of("version_uptime", "Server version and uptime", "server", 1, ServerChecks::version),
                HealthCheck.of("pg_stat_statements", "pg_stat_statements", "extensions", 1, ServerChecks::statements));
    }

    static Outcome connectivity(CheckContext ctx) throws SQLException {
        double[] samples = new double[5];
        for (int i = 0; i < samples.length; i++) {
            long t0 = System.nanoTime();
            ctx.rows("SELECT 1");
            samples[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(samples);
        double median = samples[samples.length / 2];
        Threshold t = ctx.threshold("round_trip_ms");
        CheckContext.Facts f = ctx.facts();
        return Outcome.judged(t, median, Fmt.ms(median) + " round trip")
                .detail("connected as " + f.user() + " to database " + f.database()
                        + (f.superuser() ? " (superuser)" : f.readAllStats() ? " (pg_read_all_stats)" : ""))
                .detail("5 round trips of SELECT 1: " + Fmt.ms(samples[0]) + " … " + Fmt.ms(samples[samples.length - 1]))
                .hintUnlessOk("the network between Warden and the server is slow: check latency to the host, "
                        + "or run Warden closer to the server");
    }

    static Outcome version(CheckContext ctx) throws SQLException {
        CheckContext.Row r = ctx.row("""
                SELECT current_setting('server_version') AS version,
                       extract(epoch FROM now() - pg_postmaster_start_time())::float8 AS up_s,
                       pg_postmaster_start_time() AS started,
                       pg_is_in_recovery() AS standby""");
        int major = ctx.facts().versionNum() / 10000;
        String v = "PostgreSQL " + r.str("version").split(" ")[0] + ", up " + Fmt.duration(r.seconds("up_s"))
                + (r.bool("standby") ? " (standby)" : "");
        Outcome o = Outcome.ok(v).detail("started " + r.time("started"));
        LocalDate eol = END_OF_LIFE.get(major);
        if (major < 13) {
            o.status(CheckStatus.CRITICAL).hint("Warden supports PostgreSQL 13 and newer; this server is " + major
                    + ", past its end of life: upgrade (pg_upgrade or dump and restore)");
        } else if (eol != null && LocalDate.now().isAfter(eol)) {
            o.status(CheckStatus.WARNING).detail("PostgreSQL " + major + " reached its end of life on " + eol)
                    .hint("no more security fixes for PostgreSQL " + major + ": plan an upgrade to a supported major version");
        } else if (eol != null) {
            o.detail("PostgreSQL " + major + " is supported until " + eol);
        }
        List<CheckContext.Row> pending = ctx.rows("SELECT name FROM pg_settings WHERE pending_restart ORDER BY name");
        if (!pending.isEmpty()) {
            String names = String.join(", ", pending.stream().map(p -> p.str("name")).toList());
            o.atLeast(CheckStatus.WARNING).detail("settings changed but waiting for a restart: " + names);
            if (o.hint.isEmpty()) {
                o.hint("restart the server for these settings to take effect: " + names);
            }
        }
        return o;
    }

    static Outcome statements(CheckContext ctx) throws SQLException {
        StatementsAvailability s = StatementsAvailability.read(ctx.connection());
        if (s.ready()) {
            Outcome o = Outcome.ok("installed in schema " + s.schema() + ", loaded at server start");
            if (!ctx.facts().seesEverything()) {
                o.partial("query texts of other roles read as <insufficient privilege>: " + ctx.facts().grantHint());
            }
            return o;
        }
        return Outcome.of(CheckStatus.WARNING, s.loaded() ? "loaded, but the extension is not created in this database"
                        : s.available() ? "not loaded" : "not available on this server")
                .hint(s.howToEnable());
    }
}
