package com.warden.app.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GraphAlgorithmsTest {

    @Provide
    Arbitrary<int[][]> graphs() {
        return Arbitraries.integers().between(1, 60).flatMap(n -> Arbitraries.integers().between(0, n - 1).array(int[].class)
                .ofSize(2).list().ofMaxSize(n * 4).map(pairs -> {
                    int[] src = pairs.stream().mapToInt(p -> p[0]).toArray();
                    int[] dest = pairs.stream().mapToInt(p -> p[1]).toArray();
                    return GraphAlgorithms.adjacency(n, src, dest);
                }));
    }

    @Property(tries = 300)
    void reachCountsEqualBreadthFirstSearch(@ForAll("graphs") int[][] out) {
        int[] counts = GraphAlgorithms.reachCounts(out);
        for (int v = 0; v < out.length; v++) {
            assertThat(counts[v]).as("node %d", v).isEqualTo(count(reach(out, v), v));
        }
    }

    @Property(tries = 300)
    void componentsAreMutualReachability(@ForAll("graphs") int[][] out) {
        int[] comp = GraphAlgorithms.components(out);
        for (int a = 0; a < out.length; a++) {
            boolean[] fromA = reach(out, a);
            for (int b = 0; b < out.length; b++) {
                boolean mutual = a == b || fromA[b] && reach(out, b)[a];
                assertThat(comp[a] == comp[b]).isEqualTo(mutual);
            }
        }
    }

    @Test
    void aLongChainNeedsNoDeepStack() {
        int n = 200_000;
        int[] src = new int[n - 1];
        int[] dest = new int[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            src[i] = i;
            dest[i] = i + 1;
        }
        int[][] out = GraphAlgorithms.adjacency(n, src, dest);
        assertThat(GraphAlgorithms.count(GraphAlgorithms.components(out))).isEqualTo(n);
        assertThat(GraphAlgorithms.reachCounts(out)[0]).isEqualTo(n - 1);
    }

    @Test
    void shortestCycleGoesRoundOnce() {
        // 0 -> 1 -> 2 -> 0 and 1 -> 0
        int[][] out = GraphAlgorithms.adjacency(3, new int[] {0, 1, 2, 1}, new int[] {1, 2, 0, 0});
        int[] comp = GraphAlgorithms.components(out);
        assertThat(GraphAlgorithms.shortestCycle(out, comp, 0)).isEqualTo(List.of(0, 1, 0));
    }

    /** Nodes reachable from v by one or more steps, plus v itself marked only when on a cycle. */
    private static boolean[] reach(int[][] out, int v) {
        boolean[] seen = new boolean[out.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(v));
        while (!queue.isEmpty()) {
            for (int w : out[queue.poll()]) {
                if (!seen[w]) {
                    seen[w] = true;
                    queue.add(w);
                }
            }
        }
        return seen;
    }

    private static int count(boolean[] seen, int v) {
        int c = 0;
        for (int i = 0; i < seen.length; i++) {
            if (seen[i] && i != v) {
                c++;
            }
        }
        return c;
    }
}
