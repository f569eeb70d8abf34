package com.warden.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.files.AppRef;
import com.warden.app.files.ChangedFile;
import com.warden.app.files.DiffRow;
import com.warden.app.files.FileEntry;
import com.warden.app.files.FileVersion;
import com.warden.app.files.TestFiles;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.DirectJobs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The screen's state without a toolkit: direct jobs on the real PostgreSQL of the test JVM. */
class FilesViewModelTest {
    private TestPostgres.TestDatabase demo;
    private Database db;
    private FilesViewModel model;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() {
        demo = TestPostgres.demoDatabase("files vm");
        db = Database.open(demo.profile(), Access.READ_ONLY);
        model = new FilesViewModel(db, new DirectJobs(), (where, e) -> errors.add(where + ": " + e),
                p -> Database.open(p, Access.READ_WRITE, ProfileResolver.system(), 1));
    }

    @AfterEach
    void tearDown() {
        model.dispose();
        db.close();
    }

    private void open(String app, String path) {
        model.load();
        AppRef chosen = model.apps().stream().filter(a -> a.name().equals(app)).findFirst().orElseThrow();
        model.appProperty().set(chosen);
        FileEntry file = model.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
        model.selectFile(file);
    }

    @Test
    void opensOnAnAppWithItsTreeAndTheLastChangedFile() {
        model.load();
        assertThat(model.apps()).hasSize(5);
        assertThat(model.appProperty().get()).isNotNull();
        assertThat(model.treeProperty().get().root().fileCount()).isEqualTo(model.files().size());
        assertThat(model.fileProperty().get()).isNotNull();
        assertThat(model.fileProperty().get().versions()).isGreaterThan(1);
        assertThat(model.diffProperty().get()).isNotNull();
        assertThat(model.canWriteProperty().get()).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void theHeadAgainstTheVersionBeforeWithChangesTokensAndNavigation() {
        open("Todo App", "src/App.tsx");
        assertThat(model.fileTitleProperty().get()).isEqualTo("src/App.tsx");
        assertThat(model.fileFactsProperty().get()).contains("text/tsx", "head v4", "4 versions");
        assertThat(model.versions()).extracting(FileVersion::version).containsExactly(4, 3, 2, 1);
        assertThat(model.toProperty().get().version()).isEqualTo(4);
        assertThat(model.fromProperty().get().version()).isEqualTo(3);
        assertThat(model.diffSummaryProperty().get()).matches("\\d+ changes? · \\d+ hunks? · \\+\\d+ −\\d+");
        assertThat(model.tokenFigureProperty().get()).startsWith("Tokens: v4 ").contains(" · diff ", "fewer");
        assertThat(model.changePositionProperty().get()).isEqualTo("Change 1 of 2");
        int first = model.changeRowProperty().get();
        model.nextChange();
        assertThat(model.changePositionProperty().get()).isEqualTo("Change 2 of 2");
        assertThat(model.changeRowProperty().get()).isGreaterThan(first);
        model.nextChange();
        assertThat(model.changePositionProperty().get()).isEqualTo("Change 2 of 2");
        model.previousChange();
        assertThat(model.changeRowProperty().get()).isEqualTo(first);
    }

    @Test
    void otherVersionsWhitespaceAndContext() {
        open("Todo App", "src/App.tsx");
        FileVersion v1 = model.versions().get(3);
        FileVersion v2 = model.versions().get(2);
        model.fromProperty().set(v1);
        model.toProperty().set(v2);
        DiffRow imported = model.diffProperty().get().text().rows().stream()
                .filter(r -> r.right() != null && r.right().text().contains("./context/ThemeContext")).findFirst().orElseThrow();
        assertThat(imported.kind()).isEqualTo(DiffRow.Kind.INSERT);
        int hunks = model.diffProperty().get().text().stats().hunks();
        model.contextProperty().set(0);
        assertThat(model.diffProperty().get().text().stats().hunks()).isGreaterThan(hunks);
        assertThat(model.diffProperty().get().unified()).contains("@@ -3,0 +4 @@");
        model.ignoreWhitespaceProperty().set(true);
        assertThat(model.diffProperty().get().text().options().ignoreWhitespace()).isTrue();
        model.showVersion(v1);
        assertThat(model.fromProperty().get()).isNull();
        assertThat(model.notes()).containsExactly("v1 is the first version: compared with the empty file.");
    }

    @Test
    void aBinaryFileShowsBothSidesWithoutATextDiff() {
        open("Todo App", "public/icon.png");
        assertThat(model.diffProperty().get().binary()).isTrue();
        assertThat(model.diffSummaryProperty().get()).isEqualTo("Binary content differs: no text diff");
        assertThat(model.tokenFigureProperty().get()).isEmpty();
        assertThat(model.changePositionProperty().get()).isEmpty();
        model.nextChange();
        assertThat(errors).isEmpty();
    }

    @Test
    void whatTheGoldenSessionChangedOpensEachDiff() {
        open("Todo App", "src/App.tsx");
        var golden = model.sessions().stream().filter(s -> s.title().equals("Build a todo app with dark mode")).findFirst().orElseThrow();
        model.sessionProperty().set(golden);
        assertThat(model.sessionSummaryProperty().get()).contains("files changed between its first and last message");
        ChangedFile theme = model.changes().stream().filter(c -> c.path().equals("src/context/ThemeContext.tsx")).findFirst().orElseThrow();
        model.openChange(theme);
        assertThat(model.fileTitleProperty().get()).isEqualTo("src/context/ThemeContext.tsx");
        assertThat(model.fromProperty().get()).isNull();
        assertThat(model.toProperty().get().version()).isEqualTo(theme.toVersion());

        // a file created in the session is compared with the empty file, even when it got several versions in it
        ChangedFile app = model.changes().stream().filter(c -> c.path().equals("src/App.tsx")).findFirst().orElseThrow();
        assertThat(app.created()).isTrue();
        assertThat(app.toVersion()).isEqualTo(3);
        model.openChange(app);
        assertThat(model.fromProperty().get()).isNull();
        assertThat(model.toProperty().get().version()).isEqualTo(3);
        assertThat(model.notes()).containsExactly("v3 compared with the empty file.");
        assertThat(model.diffProperty().get().text().stats().removed()).isZero();
    }

    @Test
    void aFileWithoutVersionsAndABrokenHeadAreShownAsSuchNeverACrash() throws Exception {
        TestFiles.addTextFile(demo.dataSource(), "src/empty.ts");
        try (var c = demo.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.execute("UPDATE core.files SET head_version_id = gen_random_uuid() WHERE path = 'src/App.tsx'"
                    + " AND app_id = (SELECT id FROM core.apps WHERE name = 'Todo App')");
        }
        open("Todo App", "src/empty.ts");
        assertThat(model.headProblemProperty().get()).isEqualTo("Head: file has no versions");
        assertThat(model.versions()).isEmpty();
        assertThat(model.diffProperty().get()).isNull();
        assertThat(model.messageProperty().get())
                .isEqualTo("src/empty.ts has no versions, so there is nothing to compare. (file has no versions)");

        FileEntry broken = model.files().stream().filter(f -> f.path().equals("src/App.tsx")).findFirst().orElseThrow();
        model.selectFile(broken);
        assertThat(model.headProblemProperty().get()).isEqualTo("Head: head points to a missing version");
        assertThat(model.fileFactsProperty().get()).contains("no head");
        assertThat(model.toProperty().get().version()).isEqualTo(4);
        assertThat(model.diffProperty().get()).isNotNull();
        assertThat(model.versions()).noneMatch(FileVersion::head);
        assertThat(errors).isEmpty();
    }

    @Test
    void mixedLineEndingsAndNoFinalNewlineAreShownOnTheirRows() throws Exception {
        TestFiles.addTextFile(demo.dataSource(), "src/awkward.txt", "a\r\nb\nc", "a\nb\nc\n");
        open("Todo App", "src/awkward.txt");
        List<DiffRow> rows = model.diffProperty().get().text().rows();
        assertThat(rows.get(0).kind()).isEqualTo(DiffRow.Kind.CHANGE);
        assertThat(rows.get(0).left().eol()).isEqualTo(com.warden.app.files.Eol.CRLF);
        assertThat(rows.get(0).right().eol()).isEqualTo(com.warden.app.files.Eol.LF);
        assertThat(rows.get(0).left().eolChanged()).isTrue();
        assertThat(rows.get(2).left().eol()).isEqualTo(com.warden.app.files.Eol.NONE);
        assertThat(model.diffProperty().get().unified()).contains("\\ No newline at end of file");
    }

    @Test
    void revertWritesANewHeadAfterConfirmationAndShowsIt() {
        open("Todo App", "src/App.tsx");
        FileVersion v2 = model.versions().stream().filter(v -> v.version() == 2).findFirst().orElseThrow();
        assertThat(model.canRevert(v2)).isTrue();
        assertThat(model.canRevert(model.versions().get(0))).isFalse();
        assertThat(model.revertQuestion(v2)).startsWith("Make v2 the head of src/App.tsx?").contains("writes v5", "v4 stays in the history");
        model.revert(v2);
        assertThat(model.statusProperty().get()).isEqualTo("src/App.tsx: v2 restored as v5, now the head.");
        assertThat(model.versions()).extracting(FileVersion::version).startsWith(5, 4);
        assertThat(model.toProperty().get().version()).isEqualTo(5);
        assertThat(model.fileFactsProperty().get()).contains("head v5");
        assertThat(errors).isEmpty();
    }

    @Test
    void revertIsOffOnAReadOnlyConnectionAndSaysWhy() {
        FilesViewModel readOnly = new FilesViewModel(db, new DirectJobs(), (where, e) -> errors.add(where + ": " + e),
                p -> Database.open(p, Access.READ_ONLY));
        try {
            readOnly.load();
            FileEntry app = readOnly.files().stream().filter(f -> f.versions() > 1).findFirst().orElseThrow();
            readOnly.selectFile(app);
            FileVersion older = readOnly.versions().get(1);
            assertThat(readOnly.canWriteProperty().get()).isFalse();
            assertThat(readOnly.writeReasonProperty().get()).isEqualTo("Revert is off: the connection is read-only.");
            assertThat(readOnly.canRevert(older)).isFalse();
            int before = readOnly.versions().size();
            readOnly.revert(older);
            assertThat(readOnly.statusProperty().get()).isEqualTo("Revert is off: the connection is read-only.");
            readOnly.selectFile(app);
            assertThat(readOnly.versions()).hasSize(before);
        } finally {
            readOnly.dispose();
        }
    }
}
