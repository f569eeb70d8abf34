package com.warden.ui.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.impact.ImpactGraph;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    @Test
    void twoThousandFilesGetBandsPerDepthAndNoOverlaps() {
        ImpactGraph g = SyntheticGraphs.dependents(20_000, 100_000, 2_000);
        assertThat(g.nodes()).hasSize(2_000);
        GraphLayout l = GraphLayout.of(g);
        assertThat(l.size()).isEqualTo(2_000);
        assertThat(l.bands()).isEqualTo(g.deepestLevel() + 1);
        // a band per depth, top to bottom
        for (int i = 0; i < l.size(); i++) {
            int d = l.node(i).depth();
            assertThat(l.y(i)).isBetween(l.bandTop(d), l.bandBottom(d));
            assertThat(l.x(i)).isGreaterThanOrEqualTo(0);
            assertThat(l.x(i) + l.width(i)).isLessThanOrEqualTo(l.totalWidth());
        }
        for (int d = 1; d < l.bands(); d++) {
            assertThat(l.bandTop(d)).isGreaterThan(l.bandBottom(d - 1));
        }
        // no two files overlap
        for (int i = 0; i < l.size(); i++) {
            for (int j = i + 1; j < l.size(); j++) {
                boolean apart = l.y(i) != l.y(j) || l.x(i) + l.width(i) <= l.x(j) || l.x(j) + l.width(j) <= l.x(i);
                assertThat(apart).as("%s and %s", l.node(i).path(), l.node(j).path()).isTrue();
            }
        }
        // wide bands wrap: the drawing stays within a sane aspect ratio
        assertThat(l.totalWidth() / l.totalHeight()).isBetween(0.2, 8.0);
        // hit testing finds every file by its centre
        for (int i = 0; i < l.size(); i += 37) {
            assertThat(l.nodeAt(l.centerX(i), l.centerY(i))).isEqualTo(i);
        }
        assertThat(l.nodeAt(-100, -100)).isEqualTo(-1);
    }

    @Test
    void thePathToAFileFollowsItsReferencesUpToTheRoot() {
        ImpactGraph g = SyntheticGraphs.dependents(2_000, 10_000, 300);
        GraphLayout l = GraphLayout.of(g);
        int deepest = l.size() - 1;
        int[] path = l.pathIndices(deepest);
        assertThat(path).hasSize(l.node(deepest).depth() + 1);
        assertThat(l.node(path[0]).isRoot()).isTrue();
        assertThat(l.pathEdges(path)).hasSize(path.length - 1);
    }

    @Test
    void anEmptyGraphLaysOut() {
        ImpactGraph g = SyntheticGraphs.dependents(20, 30, 1);
        GraphLayout l = GraphLayout.of(g);
        assertThat(l.size()).isEqualTo(1);
        assertThat(l.nodeAt(l.centerX(0), l.centerY(0))).isZero();
    }
}
