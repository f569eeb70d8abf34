package com.warden.app.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.demo.EmbeddedServer;
import com.warden.app.testing.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a connection goes wrong ends in one clear line, never a stack trace. */
class ConnectionErrorsTest {
    static EmbeddedServer server;
    static String database;

    @TempDir
    static Path home;

    @BeforeAll
    static void setUp() throws Exception {
        var db = TestPostgres.emptyDatabase("conn_errors");
        server = db.server();
        database = db.name();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warden_pw') THEN "
                    + "CREATE ROLE warden_pw LOGIN PASSWORD 'right-password'; END IF; "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warden_ssl') THEN CREATE ROLE warden_ssl LOGIN; END IF; "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'warden_nopriv') THEN CREATE ROLE warden_nopriv LOGIN; END IF; END $$");
            st.execute("CREATE DATABASE " + database + "_locked");
            st.execute("REVOKE CONNECT ON DATABASE " + database + "_locked FROM PUBLIC");
        }
        // Password and SSL rules for these roles only; everyone else keeps trust.
        Path hba = server.dataDirectory().resolve("pg_hba.conf");
        String rules = """
                host all warden_pw 127.0.0.1/32 scram-sha-256
                host all warden_pw ::1/128 scram-sha-256
                hostnossl all warden_ssl 127.0.0.1/32 reject
                hostnossl all warden_ssl ::1/128 reject
                """;
        String current = Files.readString(hba);
        if (!current.contains("warden_pw")) {
            Files.writeString(hba, rules + current);
        }
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_reload_conf()");
        }
    }

    static WardenException failure(String user, String password, String db, int port, String host, SslMode ssl) {
        ConnectionProfile profile = new ConnectionProfile(null, host, port, db, user, ssl, Duration.ofSeconds(2), null, null,
                Secret.of(password));
        ProfileResolver resolver = new ProfileResolver(Map.of(), home, "tester");
        try {
            Database.open(profile, Access.READ_ONLY, resolver, 1).close();
        } catch (WardenException e) {
            return e;
        }
        throw new AssertionError("connection unexpectedly succeeded");
    }

    @Test
    void wrongPassword() {
        assertThat(failure("warden_pw", "wrong", database, server.port(), "localhost", SslMode.DISABLE).line())
                .startsWith("Wrong password for user 'warden_pw'.").contains("pgpass");
    }

    @Test
    void missingPassword() {
        assertThat(failure("warden_pw", null, database, server.port(), "localhost", SslMode.DISABLE).line())
                .contains("asks for a password and none was given");
    }

    @Test
    void unknownHost() {
        assertThat(failure("postgres", null, database, 5432, "no-such-host.invalid", SslMode.DISABLE).line())
                .startsWith("Unknown host 'no-such-host.invalid'.");
    }

    @Test
    void closedPort() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(failure("postgres", null, database, port, "localhost", SslMode.DISABLE).line())
                .startsWith("Nothing is listening on localhost:" + port);
    }

    @Test
    void timeout() throws Exception {
        // something accepts the TCP connection and never answers the startup packet
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertThat(failure("postgres", null, database, silent.getLocalPort(), "localhost", SslMode.DISABLE).line())
                    .startsWith("Timed out connecting to localhost:" + silent.getLocalPort());
        }
    }

    @Test
    void databaseMissing() {
        assertThat(failure("postgres", null, "no_such_db", server.port(), "localhost", SslMode.DISABLE).line())
                .startsWith("Database 'no_such_db' does not exist");
    }

    @Test
    void sslRequiredByTheServer() {
        assertThat(failure("warden_ssl", null, database, server.port(), "localhost", SslMode.DISABLE).line())
                .startsWith("The server requires SSL").contains("sslmode=require");
    }

    @Test
    void sslAskedOfAServerWithout() {
        assertThat(failure("postgres", null, database, server.port(), "localhost", SslMode.REQUIRE).line())
                .startsWith("The server does not accept SSL");
    }

    @Test
    void tooFewPrivileges() {
        assertThat(failure("warden_nopriv", null, database + "_locked", server.port(), "localhost", SslMode.DISABLE).line())
                .startsWith("Too few privileges").contains("CONNECT");
    }

    @Test
    void inspectionConnectionsAreReadOnlyWithTimeoutsAndTheirName() throws SQLException {
        ConnectionProfile profile = server.profile(database);
        try (Database db = Database.open(profile, Access.READ_ONLY, new ProfileResolver(Map.of(), home, "t"), 2)) {
            db.withConnection(c -> {
                try (Statement st = c.createStatement()) {
                    var rs = st.executeQuery("SELECT current_setting('default_transaction_read_only'), current_setting('statement_timeout'), "
                            + "current_setting('lock_timeout'), current_setting('application_name')");
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("on");
                    assertThat(rs.getString(2)).isEqualTo("30s");
                    assertThat(rs.getString(3)).isEqualTo("5s");
                    assertThat(rs.getString(4)).isEqualTo("warden");
                    assertThatThrownBy(() -> st.execute("CREATE TABLE nope (x int)")).isInstanceOf(SQLException.class)
                            .hasMessageContaining("read-only");
                }
                return null;
            });
            assertThat(db.server().superuser()).isTrue();
            assertThat(db.poolStats().maximum()).isEqualTo(2);
        }
    }
}
