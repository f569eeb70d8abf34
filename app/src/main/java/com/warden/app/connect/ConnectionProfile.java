package com.warden.app.connect;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.warden.app.WardenException;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to connect, resolved the libpq way (URI, PG* variables, service file).
 * Immutable and validated. The password, when one was given directly, lives only in memory:
 * it is never serialised (saved profiles rely on ~/.pgpass, the convention users already have).
 */
public record ConnectionProfile(
        String name,
        String host,
        int port,
        String database,
        String user,
        SslMode sslMode,
        Duration connectTimeout,
        Duration statementTimeout,
        Duration lockTimeout,
        @JsonIgnore Secret password) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    public ConnectionProfile {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        if (host.isBlank()) {
            throw new WardenException("The host is empty.", "give a host name or address, e.g. localhost");
        }
        if (port < 1 || port > 65535) {
            throw new WardenException("Port " + port + " is out of range.", "use a port between 1 and 65535");
        }
        if (database.isBlank()) {
            throw new WardenException("The database name is empty.", "give the database to open");
        }
        if (user.isBlank()) {
            throw new WardenException("The user name is empty.", "give the role to connect as");
        }
        sslMode = sslMode == null ? SslMode.PREFER : sslMode;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        statementTimeout = statementTimeout == null ? DEFAULT_STATEMENT_TIMEOUT : statementTimeout;
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        name = name == null || name.isBlank() ? user + "@" + host + ":" + port + "/" + database : name;
    }

    public ConnectionProfile withDatabase(String otherDatabase) {
        return new ConnectionProfile(null, host, port, otherDatabase, user, sslMode,
                connectTimeout, statementTimeout, lockTimeout, password);
    }

    public ConnectionProfile withPassword(Secret newPassword) {
        return new ConnectionProfile(name, host, port, database, user, sslMode,
                connectTimeout, statementTimeout, lockTimeout, newPassword);
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, host, port, database, user, sslMode,
                connectTimeout, statementTimeout, lockTimeout, password);
    }

    /** A postgresql:// URI without the password: safe for logs, titles and saved files. */
    public String safeUri() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "postgresql://" + PgUri.encode(user) + "@" + hostPart + ":" + port + "/" + PgUri.encode(database)
                + (sslMode == SslMode.PREFER ? "" : "?sslmode=" + sslMode.libpqName());
    }

    /** Short label for status bars: host:port/database. */
    public String label() {
        return host + ":" + port + "/" + database;
    }
}
