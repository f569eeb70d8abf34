package com.warden.app.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.job.CancellableJob;
import com.warden.app.job.JobCancelledException;
import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad input the issue names gets one clear line, and nothing is lost: the data is the same
 * afterwards and the same service answers the next question.
 */
class ImpactBadInputTest {
    static TestPostgres.TestDatabase demo;
    static Database db;
    static ImpactService service;
    Map<String, Long> before;

    @BeforeAll
    static void setUp() {
        demo = TestPostgres.demoDatabase("impact-bad-input");
        db = Database.open(demo.profile(), Access.READ_ONLY);
        service = new ImpactService(db);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void countRows() throws SQLException {
        before = counts(demo.dataSource());
    }

    @AfterEach
    void nothingWasLostAndTheServiceStillAnswers() throws SQLException {
        assertThat(counts(demo.dataSource())).isEqualTo(before);
        assertThat(service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/context/ThemeContext.tsx"))).nodes()).hasSizeGreaterThan(2);
    }

    @Test
    void anUnknownAppIsNamedWithASuggestion() {
        assertThatThrownBy(() -> service.analyze(ImpactRequest.of(ImpactRoot.path("Todo Ap", "src/App.tsx"))))
                .isInstanceOf(WardenException.class)
                .hasMessage("Unknown app 'Todo Ap'.")
                .satisfies(e -> assertThat(((WardenException) e).hint()).contains("'Todo App'"));
        assertThatThrownBy(() -> service.analyze(ImpactRequest.of(ImpactRoot.path(UUID.randomUUID().toString(), "src/App.tsx"))))
                .hasMessageStartingWith("Unknown app id ");
    }

    @Test
    void anUnknownPathIsNamedWithTheClosestPaths() {
        assertThatThrownBy(() -> service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "App.tsx"))))
                .isInstanceOf(WardenException.class)
                .hasMessage("No file 'App.tsx' in app 'Todo App'.")
                .satisfies(e -> assertThat(((WardenException) e).hint()).startsWith("did you mean src/App.tsx"));
        assertThatThrownBy(() -> service.analyze(ImpactRequest.of(ImpactRoot.file(UUID.randomUUID()))))
                .hasMessageStartingWith("No file with id ");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -50, 51, 1000})
    void aDepthOutsideOneToFiftyIsRefusedWithTheRange(int depth) {
        assertThatThrownBy(() -> new ImpactRequest(ImpactRoot.path("Todo App", "src/App.tsx"), Direction.DEPENDENTS, depth, null))
                .isInstanceOf(WardenException.class)
                .hasMessage("Depth " + depth + " is outside the allowed range 1 to 50.")
                .satisfies(e -> assertThat(((WardenException) e).line()).contains("from 1 to 50 (default 5)"));
        assertThatThrownBy(() -> ImpactRequest.of(ImpactRoot.path("Todo App", "src/App.tsx")).withDepth(depth))
                .hasMessageContaining("allowed range 1 to 50");
    }

    @Test
    void theEdgesOfTheRangeAreAllowed() {
        assertThat(service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/types.ts")).withDepth(1)).deepestLevel()).isEqualTo(1);
        assertThat(service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/types.ts")).withDepth(50)).nodes()).isNotEmpty();
    }

    @Test
    void unknownTypesDirectionsAndSessionsAreRefused() {
        assertThatThrownBy(() -> RefType.parseList("import,stylesheet"))
                .hasMessage("Unknown reference type 'stylesheet'.")
                .satisfies(e -> assertThat(((WardenException) e).hint()).contains("import, style, asset, dynamic-import, require"));
        assertThatThrownBy(() -> Direction.parse("sideways")).hasMessage("Unknown direction 'sideways'.");
        assertThatThrownBy(() -> service.analyze(ImpactRequest.of(ImpactRoot.session(UUID.randomUUID()))))
                .hasMessageStartingWith("Unknown session ");
        assertThatThrownBy(() -> ImpactRoot.path(" ", "src/App.tsx")).hasMessage("No app given.");
        assertThatThrownBy(() -> ImpactRoot.path("Todo App", "")).hasMessage("No file path given.");
    }

    @Test
    void anAppNameTwoOwnersShareAsksForTheId() throws SQLException {
        TestPostgres.TestDatabase copy = TestPostgres.demoDatabase("impact-ambiguous");
        try (Connection c = copy.dataSource().getConnection()) {
            c.createStatement().execute("""
                    WITH u AS (INSERT INTO core.users (email, display_name) VALUES ('twin@example.com', 'Twin') RETURNING id),
                         a AS (INSERT INTO core.apps (owner_id, name) SELECT id, 'Todo App' FROM u RETURNING id)
                    INSERT INTO core.files (app_id, path) SELECT id, 'src/App.tsx' FROM a""");
        }
        ImpactService twin = new ImpactService(copy.dataSource());
        assertThatThrownBy(() -> twin.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/App.tsx"))))
                .hasMessage("App name 'Todo App' is used by 2 apps.")
                .satisfies(e -> assertThat(((WardenException) e).hint()).startsWith("give the app id instead: ").contains("twin@example.com"));
        // a path only one of them has is not ambiguous
        assertThat(twin.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/context/ThemeContext.tsx"))).nodes()).isNotEmpty();
    }

    @Test
    void aGraphFullOfCyclesTerminatesAndReportsThem() {
        TestPostgres.TestDatabase cyclic = TestPostgres.migratedDatabase("impact-cycles");
        // every file imports every other: 60 x 59 references, the worst case for a per-path walk
        int n = 60;
        List<GraphFixture.Edge> edges = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    edges.add(new GraphFixture.Edge(a, b, RefType.IMPORT));
                }
            }
        }
        GraphFixture.Loaded g = GraphFixture.load(cyclic.dataSource(), n, edges);
        try (Database ro = Database.open(cyclic.profile(), Access.READ_ONLY)) {
            ImpactService s = new ImpactService(ro);
            ImpactGraph all = s.analyze(new ImpactRequest(ImpactRoot.path(g.appName(), g.path(0)), Direction.DEPENDENTS, 50, null));
            assertThat(all.nodes()).hasSize(n);
            assertThat(all.deepestLevel()).isEqualTo(1);
            assertThat(all.edges()).hasSize(n * (n - 1));
            assertThat(all.cycles()).hasSize(1);
            assertThat(all.cycles().get(0).members()).hasSize(n);
            assertThat(all.cycles().get(0).loop()).hasSize(3); // f0 -> fX -> f0
            assertThat(all.edges()).allMatch(all::isCycleEdge);

            // a ring of 200 walked 50 deep: 51 files, and no circle among them (the closing reference is out of reach)
            List<GraphFixture.Edge> ring = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ring.add(new GraphFixture.Edge(i, (i + 1) % 200, RefType.IMPORT));
            }
            GraphFixture.Loaded r = GraphFixture.load(cyclic.dataSource(), 200, ring);
            ImpactGraph part = s.analyze(new ImpactRequest(ImpactRoot.path(r.appName(), r.path(0)), Direction.DEPENDENCIES, 50, null));
            assertThat(part.nodes()).hasSize(51);
            assertThat(part.cycles()).isEmpty();
            // a short ring closes within the walk: one circle through all of it, reported from the root
            List<GraphFixture.Edge> small = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                small.add(new GraphFixture.Edge(i, (i + 1) % 20, RefType.IMPORT));
            }
            GraphFixture.Loaded sr = GraphFixture.load(cyclic.dataSource(), 20, small);
            ImpactGraph loop = s.analyze(new ImpactRequest(ImpactRoot.path(sr.appName(), sr.path(5)), Direction.DEPENDENTS, 50, null));
            assertThat(loop.nodes()).hasSize(20);
            assertThat(loop.cycles()).hasSize(1);
            assertThat(loop.cycles().get(0).loop()).hasSize(21);
            assertThat(loop.cycles().get(0).loop().get(0)).isEqualTo(loop.roots().get(0).fileId());
        }
    }

    @Test
    void aDatabaseWithoutTheProjectSchemaSaysSo() {
        TestPostgres.TestDatabase empty = TestPostgres.emptyDatabase("impact-no-core");
        ImpactService s = new ImpactService(empty.dataSource());
        assertThatThrownBy(() -> s.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/App.tsx"))))
                .hasMessage("This database has no project schema (core).");
    }

    @Test
    void aCancelledWalkSaysCancelled() {
        CancellableJob job = new CancellableJob(p -> { });
        job.cancel();
        assertThatThrownBy(() -> service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/App.tsx")), job))
                .isInstanceOf(JobCancelledException.class);
        assertThat(service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/App.tsx")), JobContext.none()).nodes()).isNotEmpty();
    }

    static Map<String, Long> counts(DataSource ds) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            for (String table : List.of("apps", "files", "file_versions", "file_references", "sessions", "messages")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM core." + table); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
