package com.warden.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.report.ReportJson;
import com.warden.app.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client mode's heap stays bounded: about 350 MB of content (1 MB texts, and values of 12 MB
 * that stream in slices) is scanned by `warden integrity --mode client` in a child JVM capped at
 * -Xmx64m. Buffering whole fetches or whole big values would run out of memory. (The benchmark's
 * --heap does the same over 2 GB under -Xmx256m.)
 */
class ClientHeapTest {
    private static final Pattern PEAK = Pattern.compile("heap: peak ([0-9.]+) MB of at most ([0-9.]+) MB");

    @Test
    void aClientScanOfHundredsOfMegabytesFitsIn64Megabytes(@TempDir Path dir) throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.migratedDatabase("client heap");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    WITH u AS (INSERT INTO core.users (email, display_name) VALUES ('heap@warden.test', 'Heap') RETURNING id)
                    INSERT INTO core.apps (owner_id, name) SELECT id, 'Heap' FROM u""");
            insert(st, "text", 330, "repeat(md5(i::text) || ' line ' || i || E'\\n', 23000)");
            insert(st, "big", 2, "repeat(md5(i::text) || ' big line ' || i || E'\\n', 280000)");
            st.execute("UPDATE core.files f SET head_version_id = v.id FROM core.file_versions v WHERE v.file_id = f.id");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "com.warden.app.cli.WardenCli", "integrity", "--url", db.url(), "--mode", "client", "--checks", "versions",
                "--no-history", "--no-progress", "--stats", "--json");
        pb.environment().put("WARDEN_LOG_DIR", dir.toString());
        Path err = dir.resolve("stderr.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isZero();
        JsonNode doc = ReportJson.MAPPER.readTree(new String(out, StandardCharsets.UTF_8));
        assertThat(doc.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(doc.get("findings")).isEmpty();
        assertThat(doc.get("checks").get(0).get("bytes").asLong()).isGreaterThan(300_000_000L);
        Matcher m = PEAK.matcher(stderr);
        assertThat(m.find()).as(stderr).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isLessThan(64.0 * 1.05);
    }

    private static void insert(Statement st, String prefix, int n, String expression) throws Exception {
        st.execute("""
                WITH x AS (SELECT i, %s AS b FROM generate_series(1, %d) i),
                     f AS (INSERT INTO core.files (app_id, path, size_bytes, sha256)
                           SELECT (SELECT id FROM core.apps LIMIT 1), '%s/' || x.i, octet_length(convert_to(x.b, 'UTF8')),
                                  sha256(convert_to(x.b, 'UTF8')) FROM x RETURNING id, path)
                INSERT INTO core.file_versions (file_id, version, content, sha256, size_bytes)
                SELECT f.id, 1, x.b, sha256(convert_to(x.b, 'UTF8')), octet_length(convert_to(x.b, 'UTF8'))
                  FROM x JOIN f ON f.path = '%s/' || x.i""".formatted(expression, n, prefix, prefix));
    }
}
