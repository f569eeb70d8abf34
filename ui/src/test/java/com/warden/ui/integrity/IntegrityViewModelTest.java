package com.warden.ui.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.integrity.IntegrityHistory;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.DirectJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen's state without a toolkit: direct jobs, the test JVM's PostgreSQL. */
class IntegrityViewModelTest {
    @TempDir
    Path home;

    private TestPostgres.TestDatabase demo;
    private Database db;
    private final DirectJobs jobs = new DirectJobs();
    private final List<Throwable> errors = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        demo = TestPostgres.demoDatabase("integrity vm");
        db = Database.open(demo.profile(), Access.READ_ONLY);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private IntegrityViewModel viewModel() {
        return new IntegrityViewModel(db, jobs, Runnable::run, new IntegrityHistory(home.resolve("integrity")), errors::add);
    }

    private void sql(String sql) throws Exception {
        try (Connection c = demo.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void runsShowsTheFindingOpensItsFileAndComparesWithTheLastRun() throws Exception {
        IntegrityViewModel vm = viewModel();
        vm.load();
        assertThat(vm.apps()).contains("Todo App", "Team Chat").hasSize(5);
        assertThat(vm.hasReportProperty().get()).isFalse();
        assertThat(vm.canExportProperty().get()).isFalse();

        vm.run();
        assertThat(errors).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.findings()).isEmpty();
        assertThat(vm.verdictProperty().get()).startsWith("Clean: no findings");
        assertThat(vm.toneProperty().get()).isEqualTo(IntegrityViewModel.Tone.CLEAN);
        assertThat(vm.comparisonTextProperty().get()).startsWith("First run");
        assertThat(vm.checks()).hasSize(5).allSatisfy(c -> assertThat(c.state()).isEqualTo("done"));
        assertThat(vm.notes()).anySatisfy(n -> assertThat(n).startsWith("amcheck"));

        sql("""
                UPDATE core.file_versions SET content = content || '// edited behind the agent''s back'
                 WHERE id = (SELECT v.id FROM core.file_versions v JOIN core.files f ON f.id = v.file_id
                               JOIN core.apps a ON a.id = f.app_id
                              WHERE a.name = 'Todo App' AND f.path = 'src/App.tsx' AND v.version = 2)""");
        vm.modeProperty().set("both");
        vm.run();
        assertThat(vm.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("version-digest");
            assertThat(f.where()).isEqualTo("Todo App: src/App.tsx");
            assertThat(f.isNew()).isTrue();
            assertThat(f.hasFile()).isTrue();
            assertThat(f.seenBy()).isEqualTo("server and client mode");
            assertThat(f.expectedShort()).matches("sha256 [0-9a-f]{12}…, [0-9,]+ bytes");
        });
        assertThat(vm.toneProperty().get()).isEqualTo(IntegrityViewModel.Tone.FINDINGS);
        assertThat(vm.comparisonTextProperty().get()).startsWith("1 new finding, 0 gone since the last run");
        assertThat(vm.added()).hasSize(1);

        assertThat(vm.canOpenFileProperty().get()).isFalse();
        vm.selectedProperty().set(vm.findings().get(0));
        assertThat(vm.canOpenFileProperty().get()).isTrue();
        vm.openFileHistory();
        assertThat(vm.fileHistoryOpenProperty().get()).isTrue();
        assertThat(vm.fileHistoryTitleProperty().get()).startsWith("History of src/App.tsx in Todo App · 4 versions");
        assertThat(vm.fileHistory()).extracting(VersionItem::version).containsExactly("v1", "v2", "v3", "v4 (head)");
        assertThat(vm.fileHistory()).filteredOn(VersionItem::concerned).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo("v2");
            assertThat(v.digest()).isEqualTo("DIFFERS");
            assertThat(v.sound()).isFalse();
        });
        assertThat(vm.selectedAsText()).startsWith("ERROR version-digest: version 2").contains("where: Todo App: src/App.tsx");

        Path html = home.resolve("out/integrity.html");
        vm.exportHtml(html);
        assertThat(vm.statusProperty().get()).isEqualTo("Saved the HTML report to " + html.toAbsolutePath());
        assertThat(Files.readString(html)).contains("src/App.tsx");
        vm.exportJson(home.resolve("out/integrity.json"));
        vm.exportCsv(home.resolve("out/integrity.csv"));
        assertThat(Files.readString(home.resolve("out/integrity.csv"))).contains("version-digest");
        assertThat(vm.suggestedFileName("html")).startsWith("integrity-" + demo.name() + "-").endsWith(".html");

        // a new screen shows the last run from the history until the next one
        IntegrityViewModel later = viewModel();
        later.load();
        assertThat(later.verdictProperty().get()).startsWith("Last run, ").contains("1 error");
        assertThat(later.findings()).hasSize(1);
        assertThat(errors).isEmpty();
    }

    @Test
    void nothingToRunWithoutAChosenCheckAndBadInputIsReported() {
        IntegrityViewModel vm = viewModel();
        vm.groups().forEach(g -> g.selected().set(false));
        assertThat(vm.canRunProperty().get()).isFalse();
        vm.run();
        assertThat(jobs.titles()).isEmpty();
        vm.groups().get(0).selected().set(true);
        assertThat(vm.canRunProperty().get()).isTrue();

        vm.appProperty().set("No Such App");
        vm.run();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessage("No app is named 'No Such App'."));
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.hasReportProperty().get()).isFalse();
    }
}
