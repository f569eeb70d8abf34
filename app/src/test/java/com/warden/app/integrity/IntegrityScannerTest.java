package com.warden.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.job.JobContext;
import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import com.warden.app.testing.TestPostgres;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The checks against a real PostgreSQL: a clean demo has no errors, and each fault of the
 * issue, injected by SQL into its own copy of the demo, is found exactly once, on the right row.
 */
class IntegrityScannerTest {

    static IntegrityReport scan(TestPostgres.TestDatabase db, IntegrityOptions options) {
        try (Database database = Database.open(db.profile(), Access.READ_ONLY)) {
            return new IntegrityScanner(database).run(options, JobContext.none());
        }
    }

    static IntegrityReport scan(TestPostgres.TestDatabase db, ScanMode mode) {
        return scan(db, IntegrityOptions.defaults().withMode(mode));
    }

    @ParameterizedTest
    @EnumSource(ScanMode.class)
    void aCleanDemoHasNoFindings(ScanMode mode) {
        IntegrityReport report = scan(TestPostgres.demoDatabase("clean " + mode), mode);
        assertThat(report.status()).isEqualTo(ScanStatus.COMPLETE);
        assertThat(report.findings()).isEmpty();
        assertThat(report.errors()).isZero();
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.state()).isEqualTo(CheckSummary.DONE));
        assertThat(report.checks()).filteredOn(c -> c.check().equals("versions")).allSatisfy(c -> {
            assertThat(c.rows()).isGreaterThan(50);
            assertThat(c.bytes()).isGreaterThan(10_000);
        });
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("amcheck: available on the server"));
        assertThat(report.sharedSnapshot()).isTrue();
        assertThat(report.chunking()).isEqualTo("blocks");
    }

    /** One fault: how to inject it, and which finding must come back for which row. */
    enum Fault {
        CONTENT_CHANGED_WITHOUT_DIGEST("version-digest", f -> {
            UUID v = f.head("Todo App", "src/App.tsx");
            f.update("UPDATE core.file_versions SET content = content || '// sneaky edit' WHERE id = ?", v);
            return v.toString();
        }),
        DIGEST_CHANGED("version-digest", f -> {
            UUID v = f.head("Weather Dashboard", "src/App.tsx");
            f.update("UPDATE core.file_versions SET sha256 = sha256('not the content'::bytea) WHERE id = ?", v);
            return v.toString();
        }),
        SIZE_WRONG("version-size", f -> {
            UUID v = f.head("Team Chat", "package.json");
            f.update("UPDATE core.file_versions SET size_bytes = size_bytes + 7 WHERE id = ?", v);
            return v.toString();
        }),
        HEAD_POINTS_TO_ANOTHER_FILES_VERSION("head-other-file", f -> {
            UUID file = f.file("Todo App", "src/main.tsx");
            f.update("UPDATE core.files SET head_version_id = ? WHERE id = ?", f.head("Todo App", "src/types.ts"), file);
            return file.toString();
        }),
        VERSION_GAP("version-gap", f -> {
            f.update("DELETE FROM core.file_versions WHERE id = ?", f.version("Todo App", "src/App.tsx", 2));
            return f.version("Todo App", "src/App.tsx", 3).toString();
        }),
        TRUNCATED_IMAGE("image-truncated", f -> {
            UUID a = f.asset("png");
            f.update("UPDATE core.image_assets SET bytes = substring(bytes FROM 1 FOR octet_length(bytes) - 30) WHERE id = ?", a);
            return a.toString();
        }),
        PNG_LABELLED_JPEG("image-format", f -> {
            UUID a = f.asset("png");
            f.update("UPDATE core.image_assets SET format = 'jpeg' WHERE id = ?", a);
            return a.toString();
        }),
        CROSS_APP_REFERENCE("reference-cross-app", f -> {
            UUID ref = f.uuid("""
                    SELECT r.id FROM core.file_references r JOIN core.files d ON d.id = r.dest_file_id JOIN core.apps a ON a.id = r.app_id
                     WHERE a.name = 'Todo App' AND d.path = 'src/context/ThemeContext.tsx' ORDER BY r.id LIMIT 1""");
            f.bypassingKeys("UPDATE core.file_references SET dest_file_id = ? WHERE id = ?", f.file("Team Chat", "src/types.ts"), ref);
            return ref.toString();
        }),
        INVALID_INDEX("index-invalid", f -> {
            try {
                // fails on duplicate paths across apps and leaves an invalid index behind, as in real life
                f.execute("CREATE UNIQUE INDEX CONCURRENTLY files_path_everywhere ON core.files (path)");
                throw new IllegalStateException("the index should not have been built");
            } catch (java.sql.SQLException expected) {
                return "core.files_path_everywhere";
            }
        });

        final String code;
        final Injection injection;

        Fault(String code, Injection injection) {
            this.code = code;
            this.injection = injection;
        }
    }

    @FunctionalInterface
    interface Injection {
        String inject(Faults faults) throws Exception;
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void eachInjectedFaultIsFoundExactlyOnceOnTheRightRow(Fault fault) throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("fault " + fault);
        String row = fault.injection.inject(new Faults(db.dataSource()));
        IntegrityReport report = scan(db, ScanMode.BOTH);
        assertThat(report.status()).isEqualTo(ScanStatus.COMPLETE);
        assertThat(report.findings()).as(report.findings().toString()).hasSize(1);
        Finding f = report.findings().get(0);
        assertThat(f.code()).isEqualTo(fault.code);
        assertThat(f.rowId()).isEqualTo(row);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.expected()).isNotBlank();
        assertThat(f.found()).isNotBlank();
        assertThat(report.rechecked()).isTrue();
    }

    @Test
    void bothModesSeeAChangedVersionAndSayWhereItIs() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("both modes");
        Faults faults = new Faults(db.dataSource());
        UUID v = faults.version("Todo App", "src/App.tsx", 2);
        faults.update("UPDATE core.file_versions SET content = 'replaced' WHERE id = ?", v);
        IntegrityReport report = scan(db, ScanMode.BOTH);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.seenBy()).containsExactly("server", "client");
            assertThat(f.app()).isEqualTo("Todo App");
            assertThat(f.path()).isEqualTo("src/App.tsx");
            assertThat(f.fileId()).isEqualTo(faults.file("Todo App", "src/App.tsx").toString());
            assertThat(f.found()).contains("8 bytes").contains(ClientReader.sha256().getAlgorithm().isEmpty() ? "" : "sha256 ");
            assertThat(f.title()).contains("version 2").contains("SHA-256 and size");
        });
    }

    @ParameterizedTest
    @EnumSource(value = ScanMode.class, names = {"SERVER", "CLIENT"})
    void keyRangesFindTheSameAsBlockRanges(ScanMode mode) throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("keys " + mode);
        Faults faults = new Faults(db.dataSource());
        UUID v = faults.version("Markdown Blog", "src/App.tsx", 1);
        faults.update("UPDATE core.file_versions SET sha256 = sha256('x'::bytea) WHERE id = ?", v);
        IntegrityReport report = scan(db, IntegrityOptions.defaults().withMode(mode).withWorkers(3)
                .withChunking(IntegrityOptions.Chunking.KEYS));
        assertThat(report.chunking()).isEqualTo("keys");
        assertThat(report.findings()).extracting(Finding::rowId).containsExactly(v.toString());
        long versions = report.checks().stream().filter(c -> c.check().equals("versions")).mapToLong(CheckSummary::rows).sum();
        assertThat(versions).isEqualTo(count(db, "SELECT count(*) FROM core.file_versions"));
    }

    @Test
    void blockRangesCountEveryVersionOnce() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("blocks count");
        IntegrityReport report = scan(db, IntegrityOptions.defaults().withMode(ScanMode.BOTH).withWorkers(4)
                .withGroups(java.util.Set.of(CheckGroup.VERSIONS, CheckGroup.IMAGES)));
        long versions = count(db, "SELECT count(*) FROM core.file_versions");
        long bytes = count(db, "SELECT sum(size_bytes) FROM core.file_versions");
        assertThat(report.checks()).filteredOn(c -> c.check().equals("versions")).hasSize(2).allSatisfy(c -> {
            assertThat(c.rows()).isEqualTo(versions);
            assertThat(c.bytes()).isEqualTo(bytes);
        });
        assertThat(report.checks()).filteredOn(c -> c.check().equals("images")).allSatisfy(c ->
                assertThat(c.rows()).isEqualTo(count(db, "SELECT count(*) FROM core.image_assets")));
    }

    static long count(TestPostgres.TestDatabase db, String sql) throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static <T> List<T> map(List<Finding> findings, Function<Finding, T> f) {
        return findings.stream().map(f).toList();
    }
}
