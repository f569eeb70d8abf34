package com.warden.app.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileResolverTest {
    @TempDir
    Path home;

    ProfileResolver resolver(Map<String, String> env) {
        return new ProfileResolver(env, home, "osuser");
    }

    @Test
    void readsEveryPartOfAUri() {
        ConnectionProfile p = resolver(Map.of()).resolve(
                "postgresql://ann%40corp:s%3Ecret@db.example.com:6543/app%20db?sslmode=require&connect_timeout=3", null);
        assertThat(p.user()).isEqualTo("ann@corp");
        assertThat(p.password().reveal()).isEqualTo("s>cret");
        assertThat(p.host()).isEqualTo("db.example.com");
        assertThat(p.port()).isEqualTo(6543);
        assertThat(p.database()).isEqualTo("app db");
        assertThat(p.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(p.connectTimeout().toSeconds()).isEqualTo(3);
        assertThat(p.safeUri()).doesNotContain("cret");
        assertThat(p.toString()).doesNotContain("cret");
    }

    @Test
    void fillsTheGapsFromPgVariablesThenDefaults() {
        ConnectionProfile p = resolver(Map.of("PGHOST", "envhost", "PGPORT", "5433", "PGDATABASE", "envdb"))
                .resolve("postgresql://u@/", null);
        assertThat(p.host()).isEqualTo("envhost");
        assertThat(p.port()).isEqualTo(5433);
        assertThat(p.database()).isEqualTo("envdb");
        assertThat(p.user()).isEqualTo("u");
        ConnectionProfile defaults = resolver(Map.of()).resolve(null, null);
        assertThat(defaults.host()).isEqualTo("localhost");
        assertThat(defaults.port()).isEqualTo(5432);
        assertThat(defaults.user()).isEqualTo("osuser");
        assertThat(defaults.database()).isEqualTo("osuser");
    }

    @Test
    void readsAServiceFromPgServiceConf() throws IOException {
        Files.writeString(home.resolve(".pg_service.conf"), """
                # comment
                [other]
                host=wrong
                [prod]
                host=prod.example.com
                port=5544
                dbname=projects
                user=dba
                """);
        ConnectionProfile p = resolver(Map.of("PGHOST", "ignored")).resolve(null, "prod");
        assertThat(p.host()).isEqualTo("prod.example.com");
        assertThat(p.port()).isEqualTo(5544);
        assertThat(p.database()).isEqualTo("projects");
        assertThat(p.user()).isEqualTo("dba");
        assertThatThrownBy(() -> resolver(Map.of()).resolve(null, "missing"))
                .isInstanceOf(WardenException.class).hasMessageContaining("Service 'missing' is not defined");
    }

    @Test
    void findsThePasswordInPgpassWithWildcardsAndEscapes() throws IOException {
        Files.writeString(home.resolve(".pgpass"), """
                other:5432:*:dba:nope
                db.example.com:*:*:dba:pa\\:ss
                """);
        ConnectionProfile p = resolver(Map.of()).resolve("postgresql://dba@db.example.com/x", null);
        assertThat(resolver(Map.of()).passwordFor(p).reveal()).isEqualTo("pa:ss");
        ConnectionProfile none = resolver(Map.of()).resolve("postgresql://nobody@db.example.com/x", null);
        assertThat(resolver(Map.of()).passwordFor(none)).isNull();
    }

    @Test
    void badInputGetsOneClearLine() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve("mysql://x@y/z", null))
                .isInstanceOf(WardenException.class).hasMessageContaining("Not a PostgreSQL URI");
        assertThatThrownBy(() -> resolver(Map.of()).resolve("postgresql://h:port/db", null))
                .isInstanceOf(WardenException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> resolver(Map.of()).resolve("postgresql://h:70000/db", null))
                .isInstanceOf(WardenException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> resolver(Map.of()).resolve("postgresql://h/db?sslmode=maybe", null))
                .isInstanceOf(WardenException.class).hasMessageContaining("Unknown sslmode");
    }

    @Test
    void savedProfilesNeverHoldThePassword() throws IOException {
        ProfileStore store = new ProfileStore(home);
        store.remember(resolver(Map.of()).resolve("postgresql://u:topsecret@h:5432/db", null).withName("work"));
        String saved = Files.readString(home.resolve("connections.json"));
        assertThat(saved).contains("work").doesNotContain("topsecret");
        assertThat(store.load()).singleElement().satisfies(p -> {
            assertThat(p.password()).isNull();
            assertThat(p.host()).isEqualTo("h");
        });
    }
}
