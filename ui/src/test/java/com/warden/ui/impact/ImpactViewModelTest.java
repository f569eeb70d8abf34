package com.warden.ui.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.impact.ImpactService;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.DirectJobs;
import com.warden.ui.common.ErrorReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view-model without a toolkit: jobs run at once, on the test's thread, against the demo database. */
class ImpactViewModelTest {
    static TestPostgres.TestDatabase demo;
    static Database db;
    ImpactViewModel vm;
    List<ErrorReport> unexpected;

    @BeforeAll
    static void database() {
        demo = TestPostgres.demoDatabase("impact view model");
        db = Database.open(demo.profile(), Access.READ_ONLY);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void setUp() {
        unexpected = new ArrayList<>();
        vm = new ImpactViewModel(new ImpactService(db), new DirectJobs(), unexpected::add);
        vm.loadApps();
    }

    private void open(String app, String path) {
        vm.appProperty().set(vm.apps().stream().filter(a -> a.name().equals(app)).findFirst().orElseThrow());
        vm.startProperty().set(ImpactViewModel.Start.FILE);
        vm.pathProperty().set(path);
        vm.analyze();
    }

    private List<String> paths() {
        return vm.rows().stream().map(ImpactViewModel.Row::path).toList();
    }

    @Test
    void openingShowsAWalkAtOnceFromTheMostDependedOnFile() {
        assertThat(vm.apps()).extracting(ImpactViewModel.AppItem::name).contains("Todo App", "Team Chat");
        assertThat(vm.appProperty().get()).isNotNull();
        assertThat(vm.files()).isNotEmpty();
        assertThat(vm.mostDependedOn()).isNotEmpty();
        assertThat(vm.pathProperty().get()).isEqualTo(vm.mostDependedOn().get(0).path());
        assertThat(vm.resultProperty().get()).isNotNull();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void theGoldenFileReachesTheAppAndTheTodoList() {
        open("Todo App", "src/context/ThemeContext.tsx");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.headlineProperty().get()).isEqualTo("Dependents of ThemeContext.tsx");
        assertThat(vm.subtitleProperty().get()).isEqualTo("src/context/ThemeContext.tsx in Todo App · who imports it, and who imports those");
        assertThat(vm.rows()).filteredOn(r -> r.depth() == 1).extracting(ImpactViewModel.Row::path)
                .containsExactlyInAnyOrder("src/App.tsx", "src/components/TodoList.tsx");
        assertThat(vm.rows()).filteredOn(r -> r.path().equals("src/main.tsx")).singleElement()
                .satisfies(r -> assertThat(r.pathToRoot()).isEqualTo("src/context/ThemeContext.tsx ← src/App.tsx ← src/main.tsx"));
        assertThat(vm.byDepth()).extracting(ImpactViewModel.Count::label, ImpactViewModel.Count::count)
                .startsWith(org.assertj.core.groups.Tuple.tuple("root", 1), org.assertj.core.groups.Tuple.tuple("depth 1", 2));
        assertThat(vm.byType()).extracting(ImpactViewModel.Count::label).containsExactly("import");
        assertThat(vm.statusProperty().get()).startsWith("4 files (3 besides the root), 4 references, no cycles");
        assertThat(vm.resultProperty().get().layout().size()).isEqualTo(4);
    }

    @Test
    void reRootingAndBack() {
        open("Todo App", "src/context/ThemeContext.tsx");
        UUID app = vm.rows().stream().filter(r -> r.path().equals("src/App.tsx")).findFirst().orElseThrow().fileId();
        vm.reRoot(app);
        assertThat(vm.headlineProperty().get()).isEqualTo("Dependents of App.tsx");
        assertThat(vm.pathProperty().get()).isEqualTo("src/App.tsx");
        assertThat(vm.canGoBackProperty().get()).isTrue();
        vm.back();
        assertThat(vm.headlineProperty().get()).isEqualTo("Dependents of ThemeContext.tsx");
        // and further back: the walk the app opened with (its most depended-on file)
        vm.back();
        assertThat(vm.subtitleProperty().get()).startsWith("src/types.ts in Todo App");
        assertThat(vm.canGoBackProperty().get()).isFalse();
    }

    @Test
    void dependenciesAndTypes() {
        vm.wayProperty().set(ImpactViewModel.Way.DEPENDENCIES);
        vm.types().retainAll(List.of("asset"));
        open("Todo App", "src/App.tsx");
        assertThat(paths()).containsExactly("src/App.tsx", "src/assets/logo.svg");
        vm.types().clear();
        vm.analyze();
        assertThat(vm.errorProperty().get()).startsWith("No reference type chosen.");
        assertThat(paths()).containsExactly("src/App.tsx", "src/assets/logo.svg");
    }

    @Test
    void badInputsSayWhatIsWrongAndKeepTheGraphOnScreen() {
        open("Todo App", "src/context/ThemeContext.tsx");
        ImpactViewModel.Result shown = vm.resultProperty().get();

        vm.pathProperty().set("src/Nope.tsx");
        vm.analyze();
        assertThat(vm.errorProperty().get()).startsWith("No file 'src/Nope.tsx' in app 'Todo App'. — did you mean");
        assertThat(vm.resultProperty().get()).isSameAs(shown);

        for (String depth : List.of("0", "-3", "51")) {
            assertThat(vm.commitDepth(depth)).isFalse();
            assertThat(vm.errorProperty().get()).isEqualTo("Depth " + depth + " is outside the allowed range 1 to 50. — give a depth from 1 to 50 (default 5)");
            assertThat(vm.depthProperty().get()).isEqualTo(5);
            // a walk waits until the depth is fixed
            vm.analyze();
            assertThat(vm.errorProperty().get()).startsWith("Depth " + depth + " is outside");
            assertThat(vm.resultProperty().get()).isSameAs(shown);
        }
        assertThat(vm.commitDepth("deep")).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Depth 'deep' is not a number.");
        assertThat(vm.commitDepth("50")).isTrue();
        assertThat(vm.depthProperty().get()).isEqualTo(50);
        assertThat(vm.resultProperty().get()).isSameAs(shown);
        assertThat(unexpected).isEmpty();
    }

    @Test
    void whatTheGoldenSessionChangedReaches() {
        vm.appProperty().set(vm.apps().stream().filter(a -> a.name().equals("Todo App")).findFirst().orElseThrow());
        vm.sessionProperty().set(vm.sessions().stream().filter(s -> s.label().startsWith("Build a todo app with dark mode"))
                .findFirst().orElseThrow());
        vm.startProperty().set(ImpactViewModel.Start.SESSION);
        vm.analyze();
        assertThat(vm.headlineProperty().get()).isEqualTo("Dependents of the changes of session “Build a todo app with dark mode”");
        assertThat(vm.byDepth().get(0).label()).isEqualTo("roots");
        assertThat(vm.rows()).filteredOn(r -> r.depth() == 0).extracting(ImpactViewModel.Row::path)
                .contains("src/App.tsx", "src/context/ThemeContext.tsx");
    }

    @Test
    void exportsWriteJsonDotAndPngAndHistoryIsALink(@TempDir Path dir) throws Exception {
        open("Todo App", "src/context/ThemeContext.tsx");
        vm.exportJson(dir.resolve("impact.json"));
        vm.exportDot(dir.resolve("impact.dot"));
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        vm.exportPng(dir.resolve("impact.png"), image);
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("impact.json").toFile());
        assertThat(doc.path("nodes")).hasSize(4);
        assertThat(Files.readString(dir.resolve("impact.dot"))).startsWith("digraph impact {");
        assertThat(ImageIO.read(dir.resolve("impact.png").toFile()).getWidth()).isEqualTo(40);
        assertThat(vm.statusProperty().get()).startsWith("Exported PNG to ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("impact.json", "impact.dot", "impact.png");
        }
        // a folder that is not there: one line, nothing half-written
        vm.exportJson(dir.resolve("missing/impact.json"));
        assertThat(vm.errorProperty().get()).startsWith("Could not write ").contains("choose a folder that exists");
        assertThat(unexpected).isEmpty();

        UUID app = vm.rows().stream().filter(r -> r.path().equals("src/App.tsx")).findFirst().orElseThrow().fileId();
        vm.openHistory(app);
        assertThat(vm.historyRequestProperty().get().path()).isEqualTo("src/App.tsx");
        assertThat(vm.historyRequestProperty().get().uri()).startsWith("warden://files/").endsWith("/" + app);
    }
}
