package com.warden.app.connect;

import com.warden.app.WardenException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ConnectionProfile} the way libpq would: values written in the URI win, then
 * the service file entry (PGSERVICE or ?service=), then PG* environment variables, then defaults.
 * The password comes from the URI, PGPASSWORD, or ~/.pgpass (looked up for the final
 * host, port, database and user).
 */
public final class ProfileResolver {
    private final Map<String, String> env;
    private final Path home;
    private final String osUser;

    public ProfileResolver(Map<String, String> env, Path home, String osUser) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.osUser = osUser;
    }

    public static ProfileResolver system() {
        return new ProfileResolver(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("user.name"));
    }

    /** From a URI (may be null or blank: then service and environment only) and an optional service name. */
    public ConnectionProfile resolve(String uri, String service) {
        Map<String, String> values = new HashMap<>();
        if (uri != null && !uri.isBlank()) {
            if (!PgUri.looksLikeUri(uri)) {
                throw new WardenException("Not a PostgreSQL URI: '" + abbreviate(uri) + "'.",
                        "write postgresql://user@host:5432/database");
            }
            PgUri.Parts parts = PgUri.parse(uri);
            values.putAll(parts.params());
            putIfPresent(values, "user", parts.user());
            putIfPresent(values, "password", parts.password());
            putIfPresent(values, "host", parts.host());
            putIfPresent(values, "port", parts.port() == null ? null : parts.port().toString());
            putIfPresent(values, "dbname", parts.database());
        }
        String serviceName = firstNonBlank(values.get("service"), service, env.get("PGSERVICE"));
        if (serviceName != null) {
            Map<String, String> fromService = PgServiceFile.lookup(serviceName, PgServiceFile.searchPath(env, home));
            fromService.forEach(values::putIfAbsent);
        }
        putIfAbsentEnv(values, "host", "PGHOST");
        putIfAbsentEnv(values, "port", "PGPORT");
        putIfAbsentEnv(values, "user", "PGUSER");
        putIfAbsentEnv(values, "dbname", "PGDATABASE");
        putIfAbsentEnv(values, "password", "PGPASSWORD");
        putIfAbsentEnv(values, "sslmode", "PGSSLMODE");
        putIfAbsentEnv(values, "connect_timeout", "PGCONNECT_TIMEOUT");
        return build(values, serviceName);
    }

    /** From the connect dialog's fields; blanks fall back to environment and defaults. */
    public ConnectionProfile fromFields(String host, String port, String database, String user,
                                        String password, String sslMode) {
        Map<String, String> values = new HashMap<>();
        putIfPresent(values, "host", blankToNull(host));
        putIfPresent(values, "port", blankToNull(port));
        putIfPresent(values, "dbname", blankToNull(database));
        putIfPresent(values, "user", blankToNull(user));
        putIfPresent(values, "password", password == null || password.isEmpty() ? null : password);
        putIfPresent(values, "sslmode", blankToNull(sslMode));
        putIfAbsentEnv(values, "host", "PGHOST");
        putIfAbsentEnv(values, "port", "PGPORT");
        putIfAbsentEnv(values, "user", "PGUSER");
        putIfAbsentEnv(values, "dbname", "PGDATABASE");
        return build(values, null);
    }

    /** The password to send: the profile's own, else the first matching ~/.pgpass line, else none. */
    public Secret passwordFor(ConnectionProfile profile) {
        if (profile.password() != null) {
            return profile.password();
        }
        return PgPassFile.read(PgPassFile.location(env, home))
                .find(profile.host(), profile.port(), profile.database(), profile.user())
                .map(Secret::of)
                .orElse(null);
    }

    private ConnectionProfile build(Map<String, String> values, String serviceName) {
        String host = values.getOrDefault("host", "localhost");
        if (host.contains(",")) {
            host = host.substring(0, host.indexOf(','));
        }
        if (host.startsWith("/")) {
            // A Unix-socket directory: the JDBC driver speaks TCP, so go to the loopback address.
            host = "localhost";
        }
        String portText = values.get("port");
        int port = portText == null ? 5432 : PgUri.parsePort(portText.contains(",")
                ? portText.substring(0, portText.indexOf(',')) : portText);
        String user = values.getOrDefault("user", osUser);
        String database = values.getOrDefault("dbname", user);
        Duration connectTimeout = null;
        String timeout = values.get("connect_timeout");
        if (timeout != null && !timeout.isBlank()) {
            try {
                int seconds = Integer.parseInt(timeout.trim());
                connectTimeout = Duration.ofSeconds(Math.max(2, seconds));
            } catch (NumberFormatException e) {
                throw new WardenException("connect_timeout '" + timeout + "' is not a number of seconds.", "for example 10");
            }
        }
        String name = serviceName != null ? serviceName : null;
        return new ConnectionProfile(name, host, port, database, user, SslMode.parse(values.get("sslmode")),
                connectTimeout, null, null, Secret.of(values.get("password")));
    }

    private void putIfAbsentEnv(Map<String, String> values, String key, String variable) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            values.putIfAbsent(key, value);
        }
    }

    private static void putIfPresent(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String abbreviate(String s) {
        // never echo a whole string that might carry a password
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll(":[^:@/]*@", ":****@");
    }

    List<Path> serviceSearchPath() {
        return PgServiceFile.searchPath(env, home);
    }
}
