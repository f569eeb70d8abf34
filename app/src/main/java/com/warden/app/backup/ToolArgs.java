package com.warden.app.backup;

import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.connect.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The libpq connection arguments and environment for pg_dump, pg_restore and pg_basebackup. */
final class ToolArgs {
    private ToolArgs() { }

    /** -h, -p, -U and -w (never prompt: stdin is closed); the database is added by the caller. */
    static List<String> connection(ConnectionProfile profile) {
        return new ArrayList<>(List.of("-h", profile.host(), "-p", Integer.toString(profile.port()), "-U", profile.user(), "-w"));
    }

    /** The value for -d: a plain name, or a conninfo string when the name would be taken for one. */
    static String dbname(String database) {
        if (database.contains("=") || database.startsWith("postgresql:") || database.startsWith("postgres:")) {
            return "dbname='" + database.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return database;
    }

    /** A command with the profile's SSL mode and timeout in its environment and the password as a secret. */
    static ToolCommand command(List<String> argv, ConnectionProfile profile, ProfileResolver resolver, String appName) {
        Map<String, String> env = Map.of(
                "PGSSLMODE", profile.sslMode().libpqName(),
                "PGCONNECT_TIMEOUT", Long.toString(Math.max(2, profile.connectTimeout().toSeconds())),
                "PGAPPNAME", appName);
        Secret password = resolver.passwordFor(profile);
        Map<String, String> secrets = password == null ? Map.of() : Map.of("PGPASSWORD", password.reveal());
        return new ToolCommand(argv, env, secrets, null);
    }

    /** Hints for the errors people meet with these tools. */
    static String hintFor(String errorLine, String destination) {
        String l = errorLine.toLowerCase();
        if (l.contains("no space left") || l.contains("could not write")) {
            return "the destination " + destination + " is full or not writable; free space or choose another folder";
        }
        if (l.contains("server version mismatch") || l.contains("incompatible server version")) {
            return "use the program of the server's major version (Warden looks in WARDEN_PG_BIN first)";
        }
        if (l.contains("pg_hba.conf") && l.contains("replication")) {
            return "allow replication connections: a 'host replication USER ADDRESS scram-sha-256' line in pg_hba.conf";
        }
        if (l.contains("must be superuser or replication role") || l.contains("permission denied to start")) {
            return "the role needs the REPLICATION attribute (ALTER ROLE ... REPLICATION)";
        }
        if (l.contains("max_wal_senders") || l.contains("number of requested standby connections")) {
            return "raise max_wal_senders on the server (needs a restart)";
        }
        if (l.contains("permission denied")) {
            return "the role lacks a privilege the dump needs; a superuser or the owner of every object can dump it all";
        }
        if (l.contains("server closed the connection") || l.contains("connection to server") || l.contains("terminating connection")) {
            return "the server went away during the work; nothing was kept; try again when it is back";
        }
        if (l.contains("password authentication failed") || l.contains("no password supplied")) {
            return "give the password in the URI, PGPASSWORD or ~/.pgpass";
        }
        return null;
    }
}
