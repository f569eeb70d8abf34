package com.warden.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read side on the seeded demo, through a read-only connection like the screen and the CLI use. */
class FileHistoryTest {
    static TestPostgres.TestDatabase demo;
    static Database db;
    static FileHistory history;
    static AppRef todo;

    @BeforeAll
    static void setUp() {
        demo = TestPostgres.demoDatabase("file_history");
        db = Database.open(demo.profile(), Access.READ_ONLY);
        history = new FileHistory(db);
        todo = history.findApp("Todo App");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void listsTheFiveAppsAndFindsOneByNameCaseOrId() {
        assertThat(history.apps()).extracting(AppRef::name)
                .containsExactly("Expense Tracker", "Markdown Blog", "Team Chat", "Todo App", "Weather Dashboard");
        assertThat(todo.files()).isGreaterThan(5);
        assertThat(history.findApp("todo app").id()).isEqualTo(todo.id());
        assertThat(history.findApp(todo.id().toString()).name()).isEqualTo("Todo App");
    }

    @Test
    void anUnknownAppIsAClearLineWithTheNearestName() {
        assertThatThrownBy(() -> history.findApp("Todo Ap")).isInstanceOf(WardenException.class)
                .hasMessage("No app named 'Todo Ap'.")
                .satisfies(e -> assertThat(((WardenException) e).hint()).contains("'Todo App'"));
        assertThatThrownBy(() -> history.findApp("zzzz")).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).line()).isEqualTo(
                        "No app named 'zzzz'. — warden files without --app lists the apps"));
        assertThatThrownBy(() -> history.findApp(" ")).isInstanceOf(WardenException.class).hasMessageContaining("--app");
    }

    @Test
    void theFileListAndTreeOfAnApp() {
        List<FileEntry> files = history.files(todo.id());
        FileEntry app = files.stream().filter(f -> f.path().equals("src/App.tsx")).findFirst().orElseThrow();
        assertThat(app.versions()).isGreaterThanOrEqualTo(3);
        assertThat(app.headVersion()).isEqualTo(app.latestVersion());
        assertThat(app.healthy()).isTrue();
        assertThat(app.mimeType()).isEqualTo("text/tsx");
        assertThat(app.sha256()).hasSize(64);
        FileEntry icon = files.stream().filter(f -> f.path().equals("public/icon.png")).findFirst().orElseThrow();
        assertThat(icon.binary()).isTrue();

        FileTree tree = FileTree.of(history.files(todo.id()));
        assertThat(tree.root().children()).extracting(FileTree.Node::name).startsWith("public", "src");
        FileTree.Node src = tree.root().children().stream().filter(n -> n.name().equals("src")).findFirst().orElseThrow();
        assertThat(src.folder()).isTrue();
        assertThat(src.children()).extracting(FileTree.Node::name).contains("context", "App.tsx");
        assertThat(tree.root().fileCount()).isEqualTo(files.size());
    }

    @Test
    void versionsAreListedNewestFirstWithTheHeadMarked() {
        FileEntry app = history.file(todo, "src/App.tsx");
        List<FileVersion> versions = history.versions(app.id());
        assertThat(versions).hasSize(app.versions());
        assertThat(versions.get(0).version()).isEqualTo(app.versions());
        assertThat(versions.get(0).head()).isTrue();
        assertThat(versions.subList(1, versions.size())).noneMatch(FileVersion::head);
        assertThat(versions).allSatisfy(v -> {
            assertThat(v.createdBy()).isNotBlank();
            assertThat(v.createdAt()).isNotNull();
            assertThat(v.shortDigest()).hasSize(12);
        });
    }

    @Test
    void anUnknownPathNamesTheNearestOne() {
        assertThatThrownBy(() -> history.file(todo, "src/Ap.tsx")).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).line())
                        .isEqualTo("No file 'src/Ap.tsx' in Todo App. — did you mean 'src/App.tsx'?"));
        assertThatThrownBy(() -> history.file(todo, "App.tsx")).isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).hint()).contains("'src/App.tsx'"));
        assertThat(history.file(todo, "./src/App.tsx").path()).isEqualTo("src/App.tsx");
    }

    @Test
    void theDefaultDiffIsTheHeadAgainstTheVersionBeforeAndPatchesBackExactly() throws Exception {
        FileEntry app = history.file(todo, "src/App.tsx");
        FileDiff d = history.diff(app, null, null, DiffOptions.DEFAULT, JobContext.none());
        assertThat(d.to().version().version()).isEqualTo(app.headVersion());
        assertThat(d.from().version().version()).isEqualTo(app.headVersion() - 1);
        assertThat(d.binary()).isFalse();
        assertThat(d.notes()).isEmpty();
        assertThat(d.unified()).startsWith("--- src/App.tsx\n+++ src/App.tsx\n@@ -");
        GnuTools.Applied applied = GnuTools.patch(d.from().text(), d.unified());
        assertThat(applied.exitCode()).as(applied.output()).isZero();
        assertThat(applied.result()).isEqualTo(d.to().text().getBytes(StandardCharsets.UTF_8));
        assertThat(d.tokens().fullTokens()).isGreaterThan(d.tokens().diffTokens());
    }

    @Test
    void everyVersionPairOfTheDemoPatchesBackWithGnuPatch() throws Exception {
        int pairs = 0;
        for (AppRef app : history.apps()) {
            for (FileEntry f : history.files(app.id())) {
                if (f.binary()) {
                    continue;
                }
                for (int v = 2; v <= f.versions(); v++) {
                    FileDiff d = history.diff(f, v - 1, v, DiffOptions.DEFAULT, JobContext.none());
                    GnuTools.Applied applied = GnuTools.patch(d.from().text(), d.unified());
                    assertThat(applied.exitCode()).as(f.path() + " v" + v + ": " + applied.output()).isZero();
                    assertThat(new String(applied.result(), StandardCharsets.UTF_8)).as(f.path() + " v" + v).isEqualTo(d.to().text());
                    pairs++;
                }
            }
        }
        assertThat(pairs).isGreaterThan(20);
    }

    @Test
    void theAddedImportLineIsAnInsertOnTheRight() {
        FileEntry app = history.file(todo, "src/App.tsx");
        FileDiff d = history.diff(app, 1, 2, DiffOptions.DEFAULT, JobContext.none());
        DiffRow added = d.text().rows().stream()
                .filter(r -> r.right() != null && r.right().text().contains("from './context/ThemeContext'"))
                .findFirst().orElseThrow();
        assertThat(added.kind()).isIn(DiffRow.Kind.INSERT, DiffRow.Kind.CHANGE);
        assertThat(added.left()).isNull();
        assertThat(d.text().stats().changes()).isGreaterThan(1);
    }

    @Test
    void unknownVersionsAreRefusedClearly() {
        FileEntry app = history.file(todo, "src/App.tsx");
        assertThatThrownBy(() -> history.diff(app, 1, 99, DiffOptions.DEFAULT, JobContext.none()))
                .isInstanceOf(WardenException.class)
                .hasMessage("src/App.tsx has no version 99 (it has v1–v" + app.versions() + ").");
        assertThatThrownBy(() -> history.diff(app, -1, 2, DiffOptions.DEFAULT, JobContext.none()))
                .isInstanceOf(WardenException.class).hasMessageContaining("no version -1");
        FileDiff whole = history.diff(app, FileHistory.EMPTY, 2, DiffOptions.DEFAULT, JobContext.none());
        assertThat(whole.from()).isNull();
        assertThat(whole.notes()).containsExactly("v2 compared with the empty file.");
        assertThat(whole.text().stats().removed()).isZero();
    }

    @Test
    void versionsOfDifferentFilesAreRefused() {
        UUID a = history.versions(history.file(todo, "src/App.tsx").id()).get(0).id();
        UUID b = history.versions(history.file(todo, "src/main.tsx").id()).get(0).id();
        assertThatThrownBy(() -> history.diffVersions(a, b, DiffOptions.DEFAULT, JobContext.none()))
                .isInstanceOf(WardenException.class)
                .hasMessageStartingWith("These versions belong to different files (src/App.tsx v")
                .satisfies(e -> assertThat(((WardenException) e).hint()).isEqualTo("a diff compares two versions of one file"));
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> history.diffVersions(a, missing, DiffOptions.DEFAULT, JobContext.none()))
                .isInstanceOf(WardenException.class).hasMessage("No version with id " + missing + ".");
        assertThat(history.diffVersions(b, b, DiffOptions.DEFAULT, JobContext.none()).text().stats().identical()).isTrue();
    }

    @Test
    void aFirstVersionIsComparedWithTheEmptyFile() {
        FileEntry main = history.file(todo, "src/main.tsx");
        assertThat(main.versions()).isEqualTo(1);
        FileDiff d = history.diff(main, null, null, DiffOptions.DEFAULT, JobContext.none());
        assertThat(d.from()).isNull();
        assertThat(d.fromLabel()).isEqualTo("(empty)");
        assertThat(d.notes()).containsExactly("v1 is the first version: compared with the empty file.");
        assertThat(d.unified()).contains("@@ -0,0 +1,");
    }

    @Test
    void binaryFilesAndImagesAreComparedBySizeDigestAndFormat() throws Exception {
        TestPostgres.TestDatabase copy = TestPostgres.demoDatabase("binary_versions");
        try (Database rw = Database.open(copy.profile(), Access.READ_ONLY)) {
            FileHistory h = new FileHistory(rw);
            AppRef app = h.findApp("Todo App");
            FileEntry icon = h.file(app, "public/icon.png");
            FileDiff single = h.diff(icon, null, null, DiffOptions.DEFAULT, JobContext.none());
            assertThat(single.binary()).isTrue();
            assertThat(single.unified()).isNull();
            assertThat(single.tokens()).isNull();
            assertThat(single.leftInfo()).isNull();
            String stored = string(copy.dataSource(), "SELECT core.image_format_of(content_bytes) FROM core.file_versions WHERE file_id = '"
                    + icon.id() + "'");
            assertThat(single.rightInfo().format()).isEqualTo(stored).isIn("png", "jpeg", "gif", "webp");
            if (!stored.equals("png")) {
                assertThat(single.notes()).contains("v1 holds " + stored.toUpperCase() + " bytes although the file's mime type says image/png.");
            }
            assertThat(single.rightInfo().width()).isPositive();
            assertThat(single.rightInfo().sha256()).isEqualTo(icon.sha256());

            byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 16, 0, 8, 0, 0, 0, 0, 59};
            TestFiles.addVersion(copy.dataSource(), icon.id(), 2, null, gif);
            FileDiff two = h.diff(h.file(app, "public/icon.png"), 1, 2, DiffOptions.DEFAULT, JobContext.none());
            assertThat(two.leftInfo().format()).isEqualTo(stored);
            assertThat(two.notes()).contains("v2 holds GIF bytes although the file's mime type says image/png.");
            if (!stored.equals("png")) {
                assertThat(two.notes()).contains("v1 holds " + stored.toUpperCase() + " bytes although the file's mime type says image/png.");
            }
            assertThat(two.rightInfo()).isEqualTo(new BinaryInfo(gif.length, Hex.sha256(gif), "gif", 16, 8));
            assertThat(two.sameContent()).isFalse();

            // a text version against a binary one is a binary comparison, not a crash
            FileEntry readme = h.file(app, "src/main.tsx");
            TestFiles.addVersion(copy.dataSource(), readme.id(), 2, null, new byte[] {0, 1, 2});
            FileDiff mixed = h.diff(h.file(app, "src/main.tsx"), 1, 2, DiffOptions.DEFAULT, JobContext.none());
            assertThat(mixed.binary()).isTrue();
            assertThat(mixed.leftInfo().format()).isNull();
            assertThat(mixed.rightInfo().size()).isEqualTo(3);
        }
    }

    @Test
    void aFileWithoutVersionsOrWithABrokenHeadIsShownAsSuchNeverACrash() throws Exception {
        TestPostgres.TestDatabase copy = TestPostgres.demoDatabase("broken_heads");
        DataSource ds = copy.dataSource();
        UUID empty;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    INSERT INTO core.files (app_id, path, mime_type) SELECT id, 'src/empty.ts', 'text/typescript'
                      FROM core.apps WHERE name = 'Todo App' RETURNING id""")) {
                rs.next();
                empty = rs.getObject(1, UUID.class);
            }
            st.execute("SET session_replication_role = replica"); // lets a head point nowhere, as a damaged database can
            st.execute("""
                    UPDATE core.files SET head_version_id = gen_random_uuid()
                     WHERE path = 'src/App.tsx' AND app_id = (SELECT id FROM core.apps WHERE name = 'Todo App')""");
        }
        try (Database ro = Database.open(copy.profile(), Access.READ_ONLY)) {
            FileHistory h = new FileHistory(ro);
            AppRef app = h.findApp("Todo App");
            List<FileEntry> files = h.files(app.id());
            FileEntry none = files.stream().filter(f -> f.id().equals(empty)).findFirst().orElseThrow();
            assertThat(none.versions()).isZero();
            assertThat(none.headProblem()).isEqualTo("file has no versions");
            assertThat(h.versions(none.id())).isEmpty();
            assertThatThrownBy(() -> h.diff(none, null, null, DiffOptions.DEFAULT, JobContext.none()))
                    .isInstanceOf(WardenException.class)
                    .hasMessage("src/empty.ts has no versions, so there is nothing to compare.");

            FileEntry broken = files.stream().filter(f -> f.path().equals("src/App.tsx")).findFirst().orElseThrow();
            assertThat(broken.headProblem()).isEqualTo("head points to a missing version");
            assertThat(broken.headVersion()).isNull();
            FileDiff d = h.diff(broken, null, null, DiffOptions.DEFAULT, JobContext.none());
            assertThat(d.to().version().version()).isEqualTo(broken.latestVersion());
            assertThat(d.notes()).singleElement().asString().contains("head pointer of src/App.tsx is broken");
            assertThat(h.versions(broken.id())).noneMatch(FileVersion::head);
        }
    }

    @Test
    void whatTheGoldenSessionChanged() throws SQLException {
        String golden = golden(demo.dataSource());
        SessionChanges changes = history.sessionChanges(golden);
        assertThat(changes.appName()).isEqualTo("Todo App");
        assertThat(changes.session().title()).isEqualTo("Build a todo app with dark mode");
        assertThat(changes.files()).extracting(ChangedFile::path).contains("src/App.tsx", "src/context/ThemeContext.tsx");
        ChangedFile theme = changes.files().stream().filter(f -> f.path().equals("src/context/ThemeContext.tsx")).findFirst().orElseThrow();
        assertThat(theme.created()).isTrue();
        assertThat(theme.recordedBySession()).isTrue();
        ChangedFile app = changes.files().stream().filter(f -> f.path().equals("src/App.tsx")).findFirst().orElseThrow();
        FileDiff d = history.diff(app, DiffOptions.DEFAULT, JobContext.none());
        assertThat(d.to().version().version()).isEqualTo(app.toVersion());
        assertThat(d.from() == null ? null : d.from().version().version()).isEqualTo(app.fromVersion());
        FileDiff created = history.diff(theme, DiffOptions.DEFAULT, JobContext.none());
        assertThat(created.from()).isNull();

        assertThat(history.sessions(todo.id())).extracting(SessionSpan::title).contains("Build a todo app with dark mode");
    }

    @Test
    void anUnknownOrMalformedSessionIsAClearLine() {
        assertThatThrownBy(() -> history.sessionChanges("nope")).isInstanceOf(WardenException.class)
                .hasMessage("'nope' is not a session id.");
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> history.sessionChanges(id.toString())).isInstanceOf(WardenException.class)
                .hasMessage("No session " + id + ".");
    }

    static String string(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String golden(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM core.sessions WHERE title = 'Build a todo app with dark mode' LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
