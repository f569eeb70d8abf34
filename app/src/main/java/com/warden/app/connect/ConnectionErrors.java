package com.warden.app.connect;

import com.warden.app.WardenException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns what the driver throws into one line with a hint. Never a stack trace in front of a
 * person: the cause stays attached for "copy details" and the log.
 */
public final class ConnectionErrors {

    private ConnectionErrors() { }

    public static WardenException explain(Throwable error, ConnectionProfile profile) {
        if (find(error, UnknownHostException.class) != null) {
            return new WardenException("Unknown host '" + profile.host() + "'.",
                    "check the host name or use an IP address", error);
        }
        if (find(error, ConnectException.class) != null || find(error, NoRouteToHostException.class) != null) {
            return new WardenException("Nothing is listening on " + profile.host() + ":" + profile.port() + " (connection refused).",
                    "is the server running, and on this port? (pg_lsclusters, or listen_addresses/port in postgresql.conf)", error);
        }
        if (find(error, SocketTimeoutException.class) != null) {
            return new WardenException("Timed out connecting to " + profile.host() + ":" + profile.port()
                    + " after " + profile.connectTimeout().toSeconds() + " s.",
                    "a firewall may drop the packets, or the host is down; raise connect_timeout if the link is slow", error);
        }
        SQLException sql = find(error, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String text = sql == null || sql.getMessage() == null ? String.valueOf(error.getMessage()) : sql.getMessage();
        String lower = text.toLowerCase(Locale.ROOT);
        switch (state) {
            case "28P01":
                return new WardenException("Wrong password for user '" + profile.user() + "'.",
                        "check the password, or the matching line in ~/.pgpass", error);
            case "3D000":
                return new WardenException("Database '" + profile.database() + "' does not exist on " + profile.label().split("/")[0] + ".",
                        "check the name (psql -l lists them), or create it first", error);
            case "42501":
                return new WardenException("Too few privileges: " + firstLine(text) + ".",
                        "ask the database owner for CONNECT on the database (or the rights this view needs)", error);
            case "53300":
                return new WardenException("The server has no free connection slots.",
                        "close idle sessions or raise max_connections", error);
            case "57P03":
                return new WardenException("The server is starting up or shutting down.", "try again in a moment", error);
            default:
                break;
        }
        if (lower.contains("does not support ssl")) {
            return new WardenException("The server does not accept SSL, but sslmode is " + profile.sslMode().libpqName() + ".",
                    "use sslmode=prefer or disable, or enable ssl on the server", error);
        }
        if (state.equals("55P03")) {
            return new WardenException("Gave up waiting for a lock after lock_timeout (" + profile.lockTimeout().toSeconds() + " s): "
                    + firstLine(text) + ".", "another session holds it; try again, or look at blocking locks in Health", error);
        }
        if ((state.isEmpty() || state.startsWith("08")) && (lower.contains("timed out") || lower.contains("timeout"))) {
            return new WardenException("Timed out connecting to " + profile.host() + ":" + profile.port()
                    + " after " + profile.connectTimeout().toSeconds() + " s.",
                    "something answers on that port but not like PostgreSQL, or the server is overloaded", error);
        }
        if (lower.contains("pg_hba.conf") && lower.contains("no encryption")) {
            return new WardenException("The server requires SSL for this connection.",
                    "connect with sslmode=require (or verify-full)", error);
        }
        if (lower.contains("pg_hba.conf")) {
            return new WardenException("The server's pg_hba.conf does not admit " + profile.user() + " to " + profile.database() + " from here.",
                    "add a host line for this client to pg_hba.conf and reload", error);
        }
        if (state.equals("28000") && lower.contains("role") && lower.contains("does not exist")) {
            return new WardenException("Role '" + profile.user() + "' does not exist on the server.",
                    "check the user name", error);
        }
        if (state.equals("08004") && lower.contains("no password")) {
            return new WardenException("The server asks for a password and none was given for user '" + profile.user() + "'.",
                    "type it, add it to ~/.pgpass, or set PGPASSWORD", error);
        }
        if (state.startsWith("08")) {
            return new WardenException("Cannot reach " + profile.host() + ":" + profile.port() + ": " + firstLine(text) + ".",
                    "check host, port and network", error);
        }
        if (state.equals("57014")) {
            return new WardenException("The query ran longer than statement_timeout (" + profile.statementTimeout().toSeconds() + " s) and was stopped.",
                    "narrow it, or raise the statement timeout of this connection", error);
        }
        if (state.equals("25006")) {
            return new WardenException("This connection is read-only: " + firstLine(text) + ".",
                    "writing actions open their own read-write connection after you confirm", error);
        }
        return new WardenException(firstLine(text), state.isEmpty() ? null : "SQLSTATE " + state, error);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        String line = text.strip();
        int nl = line.indexOf('\n');
        line = nl >= 0 ? line.substring(0, nl) : line;
        if (line.startsWith("ERROR: ") || line.startsWith("FATAL: ")) {
            line = line.substring(7);
        }
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
