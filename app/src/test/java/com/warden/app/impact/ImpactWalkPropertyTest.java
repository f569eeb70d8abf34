package com.warden.app.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Histogram;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * On random graphs full of circles, the one recursive CTE gives exactly what a plain
 * breadth-first search in Java gives: the same files at the same depths, the same references
 * among them, and the same circles.
 */
class ImpactWalkPropertyTest {
    static DataSource ds;
    static ImpactService service;

    @BeforeContainer
    static void database() {
        ds = TestPostgres.migratedDatabase("impact-property").dataSource();
        service = new ImpactService(ds);
    }

    record Case(int files, List<GraphFixture.Edge> edges, int root, int depth, Direction direction, Set<RefType> types) {
        @Override
        public String toString() {
            return "files=" + files + " root=" + root + " depth=" + depth + " " + direction + " types=" + types + " edges="
                    + edges.stream().map(e -> e.src() + ">" + e.dest() + ":" + e.type().sqlName()).collect(Collectors.joining(" "));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(1, 30).flatMap(n -> {
            Arbitrary<GraphFixture.Edge> edge = Combinators.combine(
                    Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n - 1),
                    // imports dominate, like in real code
                    Arbitraries.frequencyOf(
                            net.jqwik.api.Tuple.of(6, Arbitraries.just(RefType.IMPORT)),
                            net.jqwik.api.Tuple.of(1, Arbitraries.just(RefType.STYLE)),
                            net.jqwik.api.Tuple.of(1, Arbitraries.just(RefType.ASSET)),
                            net.jqwik.api.Tuple.of(1, Arbitraries.just(RefType.DYNAMIC_IMPORT))))
                    .as(GraphFixture.Edge::new)
                    .filter(e -> e.src() != e.dest());
            // random references, plus a circle through a few random files most of the time
            Arbitrary<List<Integer>> ring = Arbitraries.integers().between(0, n - 1).list().uniqueElements().ofMinSize(Math.min(n, 2)).ofMaxSize(Math.min(n, 8));
            Arbitrary<List<GraphFixture.Edge>> edges = n < 2 ? Arbitraries.just(List.of())
                    : Combinators.combine(edge.list().ofMinSize(n / 2).ofMaxSize(n * 3), ring).as((random, circle) -> {
                        List<GraphFixture.Edge> all = new ArrayList<>(random);
                        for (int i = 0; circle.size() >= 2 && i < circle.size(); i++) {
                            all.add(new GraphFixture.Edge(circle.get(i), circle.get((i + 1) % circle.size()), RefType.IMPORT));
                        }
                        return all;
                    });
            Arbitrary<Set<RefType>> types = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.just(EnumSet.allOf(RefType.class))),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(RefType.class).set().ofMinSize(1).ofMaxSize(3)));
            return Combinators.combine(Arbitraries.just(n), edges, Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(1, 8), Arbitraries.of(Direction.class), types).as(Case::new);
        });
    }

    @Property(tries = 150)
    @StatisticsReport(format = Histogram.class)
    void theCteIsABreadthFirstSearch(@ForAll("cases") Case c) {
        GraphFixture.Loaded g = GraphFixture.load(ds, c.files(), c.edges());
        ImpactRequest request = new ImpactRequest(ImpactRoot.file(g.files().get(c.root())), c.direction(), c.depth(), c.types());
        ImpactGraph result = service.analyze(request);

        // the same files at the same (smallest) depths
        Map<Integer, Integer> expected = bfs(c);
        Map<String, Integer> expectedByPath = new HashMap<>();
        expected.forEach((node, depth) -> expectedByPath.put(g.path(node), depth));
        Map<String, Integer> actualByPath = new HashMap<>();
        result.nodes().forEach(n -> actualByPath.put(n.path(), n.depth()));
        assertThat(actualByPath).isEqualTo(expectedByPath);

        // the same references among the reached files
        Set<String> expectedEdges = new HashSet<>();
        for (GraphFixture.Edge e : new LinkedHashSet<>(c.edges())) {
            if (c.types().contains(e.type()) && expected.containsKey(e.src()) && expected.containsKey(e.dest())) {
                expectedEdges.add(g.path(e.src()) + ">" + g.path(e.dest()) + ":" + e.type().sqlName());
            }
        }
        Set<String> actualEdges = result.edges().stream()
                .map(e -> result.pathOf(e.src()) + ">" + result.pathOf(e.dest()) + ":" + e.type().sqlName())
                .collect(Collectors.toSet());
        assertThat(actualEdges).isEqualTo(expectedEdges);

        // the same circles: files that reach each other through the reached references
        assertThat(cycleSets(result)).isEqualTo(expectedCycles(expectedEdges));
        for (ImpactCycle cycle : result.cycles()) {
            List<UUID> loop = cycle.loop();
            assertThat(loop.get(0)).isEqualTo(cycle.members().get(0)).isEqualTo(loop.get(loop.size() - 1));
            for (int i = 0; i + 1 < loop.size(); i++) {
                String step = result.pathOf(loop.get(i)) + ">" + result.pathOf(loop.get(i + 1)) + ":";
                assertThat(expectedEdges.stream().anyMatch(key -> key.startsWith(step))).as("loop step %s is a reference", step).isTrue();
            }
        }

        Statistics.label("circles met").collect(result.cycles().isEmpty() ? "none" : "some");
        Statistics.label("circles met").coverage(check -> check.check("some").percentage(p -> p >= 20));
        Statistics.label("files reached").collect(result.nodes().size() <= 1 ? "root only" : result.nodes().size() < 10 ? "2-9" : "10+");

        // every file's path to the root goes one level at a time over real references
        for (ImpactNode n : result.nodes()) {
            List<ImpactNode> path = result.pathTo(n.fileId());
            assertThat(path).hasSize(n.depth() + 1);
            assertThat(path.get(0).isRoot()).isTrue();
        }
    }

    @Property(tries = 60)
    void mostDependedOnCountsWhatReachesEachFile(@ForAll("cases") Case c) {
        GraphFixture.Loaded g = GraphFixture.load(ds, c.files(), c.edges());
        DependedOnReport report = service.mostDependedOn(g.appName(), c.types(), 0, JobContext.none());
        assertThat(report.files()).hasSize(c.files());
        Map<Integer, Set<Integer>> importers = new HashMap<>();
        for (GraphFixture.Edge e : c.edges()) {
            if (c.types().contains(e.type())) {
                importers.computeIfAbsent(e.dest(), k -> new HashSet<>()).add(e.src());
            }
        }
        for (DependedOnFile f : report.files()) {
            int node = Integer.parseInt(f.path().substring("src/f".length(), f.path().length() - ".tsx".length()));
            Set<Integer> seen = new HashSet<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(node));
            while (!queue.isEmpty()) {
                for (int w : importers.getOrDefault(queue.poll(), Set.of())) {
                    if (w != node && seen.add(w)) {
                        queue.add(w);
                    }
                }
            }
            assertThat(f.transitiveDependents()).as(f.path()).isEqualTo(seen.size());
            assertThat(f.directDependents()).as(f.path()).isEqualTo(importers.getOrDefault(node, Set.of()).size());
        }
        assertThat(report.files()).isSortedAccordingTo((a, b) -> Integer.compare(b.transitiveDependents(), a.transitiveDependents()));
    }

    /** The plain breadth-first search: node to smallest depth. */
    static Map<Integer, Integer> bfs(Case c) {
        Map<Integer, List<Integer>> next = new HashMap<>();
        for (GraphFixture.Edge e : c.edges()) {
            if (!c.types().contains(e.type())) {
                continue;
            }
            if (c.direction() == Direction.DEPENDENTS) {
                next.computeIfAbsent(e.dest(), k -> new ArrayList<>()).add(e.src());
            } else {
                next.computeIfAbsent(e.src(), k -> new ArrayList<>()).add(e.dest());
            }
        }
        Map<Integer, Integer> depth = new HashMap<>();
        depth.put(c.root(), 0);
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(c.root()));
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (depth.get(v) == c.depth()) {
                continue;
            }
            for (int w : next.getOrDefault(v, List.of())) {
                if (!depth.containsKey(w)) {
                    depth.put(w, depth.get(v) + 1);
                    queue.add(w);
                }
            }
        }
        return depth;
    }

    private static Set<Set<String>> cycleSets(ImpactGraph g) {
        return g.cycles().stream().map(c -> c.members().stream().map(g::pathOf).collect(Collectors.toSet())).collect(Collectors.toSet());
    }

    /** Circles by brute force: nodes that reach each other, groups of two or more. */
    private static Set<Set<String>> expectedCycles(Set<String> edges) {
        Map<String, Set<String>> out = new HashMap<>();
        Set<String> nodes = new HashSet<>();
        for (String key : edges) {
            String[] parts = key.split("[>:]");
            out.computeIfAbsent(parts[0], k -> new HashSet<>()).add(parts[1]);
            nodes.add(parts[0]);
            nodes.add(parts[1]);
        }
        Map<String, Set<String>> reach = new HashMap<>();
        for (String n : nodes) {
            Set<String> seen = new HashSet<>();
            ArrayDeque<String> queue = new ArrayDeque<>(List.of(n));
            while (!queue.isEmpty()) {
                for (String w : out.getOrDefault(queue.poll(), Set.of())) {
                    if (seen.add(w)) {
                        queue.add(w);
                    }
                }
            }
            reach.put(n, seen);
        }
        Set<Set<String>> groups = new HashSet<>();
        for (String n : nodes) {
            Set<String> group = new HashSet<>();
            for (String m : nodes) {
                if (reach.get(n).contains(m) && reach.get(m).contains(n)) {
                    group.add(m);
                }
            }
            if (group.size() >= 2) {
                groups.add(group);
            }
        }
        return groups;
    }
}
