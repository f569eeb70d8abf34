package com.warden.app.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo project's known graph, walked through a read-only Warden connection. */
class ImpactGoldenTest {
    static TestPostgres.TestDatabase demo;
    static Database db;
    static ImpactService service;

    @BeforeAll
    static void setUp() {
        demo = TestPostgres.demoDatabase("impact-golden");
        db = Database.open(demo.profile(), Access.READ_ONLY);
        service = new ImpactService(db);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static Map<String, Integer> depths(ImpactGraph g) {
        return g.nodes().stream().collect(Collectors.toMap(ImpactNode::path, ImpactNode::depth));
    }

    @Test
    void themeContextReachesTheAppAndTheTodoList() {
        ImpactGraph g = service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/context/ThemeContext.tsx")));
        assertThat(g.appName()).isEqualTo("Todo App");
        assertThat(g.title()).isEqualTo("src/context/ThemeContext.tsx");
        assertThat(depths(g)).containsEntry("src/context/ThemeContext.tsx", 0)
                .containsEntry("src/App.tsx", 1)
                .containsEntry("src/components/TodoList.tsx", 1)
                .containsEntry("src/main.tsx", 2);
        assertThat(g.countsByDepth()).containsEntry(0, 1).containsEntry(1, 2);
        assertThat(g.cycles()).isEmpty();
        assertThat(g.pathText(g.nodes().stream().filter(n -> n.path().equals("src/main.tsx")).findFirst().orElseThrow().fileId()))
                .isEqualTo("src/context/ThemeContext.tsx ← src/App.tsx ← src/main.tsx");
        // the references among the reached files, in their true direction
        assertThat(g.edges()).extracting(e -> g.pathOf(e.src()) + " -> " + g.pathOf(e.dest()) + " " + e.type())
                .contains("src/App.tsx -> src/context/ThemeContext.tsx import",
                        "src/components/TodoList.tsx -> src/context/ThemeContext.tsx import");
    }

    @Test
    void depthOneStopsAtTheDirectImporters() {
        ImpactGraph g = service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "./src/context/ThemeContext.tsx")).withDepth(1));
        assertThat(depths(g).keySet()).containsExactlyInAnyOrder("src/context/ThemeContext.tsx", "src/App.tsx", "src/components/TodoList.tsx");
    }

    @Test
    void dependenciesGoTheOtherWayAndTypesFilter() {
        ImpactRequest deps = new ImpactRequest(ImpactRoot.path("Todo App", "src/App.tsx"), Direction.DEPENDENCIES, 5, null);
        ImpactGraph all = service.analyze(deps);
        assertThat(depths(all)).containsEntry("src/context/ThemeContext.tsx", 1).containsEntry("src/assets/logo.svg", 1)
                .doesNotContainKey("src/main.tsx");
        ImpactGraph assets = service.analyze(deps.withTypes(EnumSet.of(RefType.ASSET)));
        assertThat(depths(assets).keySet()).containsExactlyInAnyOrder("src/App.tsx", "src/assets/logo.svg");
        assertThat(assets.countsByType()).containsOnlyKeys(RefType.ASSET);
    }

    @Test
    void reRootingByFileIdGivesTheSameWalk() {
        ImpactGraph byPath = service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/App.tsx")));
        UUID appTsx = byPath.roots().get(0).fileId();
        ImpactGraph byId = service.analyze(ImpactRequest.of(ImpactRoot.file(appTsx)));
        assertThat(depths(byId)).isEqualTo(depths(byPath));
        assertThat(byId.appName()).isEqualTo("Todo App");
        // and by the app's id instead of its name
        ImpactGraph byAppId = service.analyze(ImpactRequest.of(ImpactRoot.path(byPath.appId().toString(), "src/App.tsx")));
        assertThat(depths(byAppId)).isEqualTo(depths(byPath));
    }

    @Test
    void whatTheGoldenSessionChangedAndWhatThatReaches() throws Exception {
        UUID session;
        try (Connection c = demo.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM core.sessions WHERE title = 'Build a todo app with dark mode'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            session = rs.getObject(1, UUID.class);
        }
        ImpactGraph g = service.sessionImpact(session, Direction.DEPENDENTS, 5, null, JobContext.none());
        assertThat(g.title()).contains("Build a todo app with dark mode");
        assertThat(g.appName()).isEqualTo("Todo App");
        assertThat(g.roots()).extracting(ImpactNode::path).contains("src/App.tsx", "src/context/ThemeContext.tsx");
        // the union: every root's dependents are in, each at its smallest depth over all roots
        for (ImpactNode root : g.roots()) {
            ImpactGraph alone = service.analyze(ImpactRequest.of(ImpactRoot.file(root.fileId())));
            for (ImpactNode n : alone.nodes()) {
                assertThat(g.node(n.fileId())).as(n.path()).isNotNull();
                assertThat(g.node(n.fileId()).depth()).isLessThanOrEqualTo(n.depth());
            }
        }
    }

    @Test
    void mostDependedOnPutsTheSharedTypesFirst() {
        DependedOnReport report = service.mostDependedOn("Todo App", null, 3, JobContext.none());
        assertThat(report.files()).hasSize(3);
        assertThat(report.files().get(0).path()).isEqualTo("src/types.ts");
        assertThat(report.files().get(0).transitiveDependents()).isGreaterThanOrEqualTo(report.files().get(0).directDependents());
        assertThat(report.fileCount()).isGreaterThan(10);
    }

    @Test
    void pickersListAppsFilesAndSessions() {
        List<AppInfo> apps = service.apps();
        assertThat(apps).extracting(AppInfo::name).contains("Todo App", "Weather Dashboard", "Markdown Blog", "Team Chat", "Expense Tracker");
        AppInfo todo = apps.stream().filter(a -> a.name().equals("Todo App")).findFirst().orElseThrow();
        assertThat(todo.files()).isGreaterThan(10);
        assertThat(service.files(todo.id())).extracting(AppFile::path).contains("src/App.tsx", "public/icon.png");
        assertThat(service.sessions(todo.id())).extracting(SessionRef::title).contains("Build a todo app with dark mode");
    }

    @Test
    void jsonAndDotCarryNodesEdgesAndCycles() throws Exception {
        ImpactGraph g = service.analyze(ImpactRequest.of(ImpactRoot.path("Todo App", "src/context/ThemeContext.tsx")));
        JsonNode doc = new ObjectMapper().readTree(ImpactExport.json(g));
        assertThat(doc.path("direction").asText()).isEqualTo("dependents");
        assertThat(doc.path("nodes")).hasSize(g.nodes().size());
        JsonNode first = doc.path("nodes").get(0);
        assertThat(first.path("path").asText()).isEqualTo("src/context/ThemeContext.tsx");
        assertThat(first.path("depth").asInt()).isZero();
        assertThat(UUID.fromString(first.path("file_id").asText())).isEqualTo(g.roots().get(0).fileId());
        assertThat(doc.path("edges").get(0).has("src")).isTrue();
        assertThat(doc.path("edges").get(0).has("dest")).isTrue();
        assertThat(doc.path("edges").get(0).path("type").asText()).isEqualTo("import");
        assertThat(doc.path("cycles").isArray()).isTrue();
        assertThat(doc.path("summary").path("by_depth").path("1").asInt()).isEqualTo(2);

        String dot = ImpactExport.dot(g);
        assertThat(dot).startsWith("digraph impact {").contains("\"src/App.tsx\"").contains("label=\"import\"").endsWith("}\n");
        assertThat(java.util.Arrays.stream(dot.split("\n")).filter(l -> l.contains("->")).count()).isEqualTo(g.edges().size());
    }
}
