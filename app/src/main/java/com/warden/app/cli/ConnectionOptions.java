package com.warden.app.cli;

import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionErrors;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/** The libpq way to say where: --url, --service, or the PG* variables. */
public final class ConnectionOptions {
    @Option(names = "--url", paramLabel = "URI",
            description = "postgresql://user@host:port/database (default: PGHOST, PGPORT, PGUSER, PGDATABASE, PGSERVICE)")
    String url;

    @Option(names = "--service", paramLabel = "NAME", description = "a service from pg_service.conf")
    String service;

    public ConnectionProfile profile() {
        return ProfileResolver.system().resolve(url, service);
    }

    /** A plain data source: migrate and seed, after the user asked for them. */
    public DataSource writableDataSource() {
        ConnectionProfile profile = profile();
        PGSimpleDataSource source = Database.dataSource(profile, Access.READ_WRITE, ProfileResolver.system());
        // one connection first, so a failure is the clear line, not Flyway's or COPY's wording of it
        try (Connection ignored = source.getConnection()) {
            return source;
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, profile);
        }
    }

    public Database open(Access access) {
        return Database.open(profile(), access);
    }

    public boolean given() {
        return url != null || service != null;
    }
}
