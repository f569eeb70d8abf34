package com.warden.app.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticAppTest {
    @Test
    void theShapeHasExactCountsNoSelfOrDuplicateReferencesAndCircles() {
        SyntheticApp.Shape shape = SyntheticApp.shape(2_000, 10_000, 3);
        assertThat(shape.paths()).hasSize(2_000).doesNotHaveDuplicates();
        assertThat(shape.src()).hasSize(10_000);
        Set<Long> pairs = new HashSet<>();
        for (int e = 0; e < shape.src().length; e++) {
            assertThat(shape.src()[e]).isNotEqualTo(shape.dest()[e]);
            assertThat(pairs.add((long) shape.src()[e] * 2_000 + shape.dest()[e])).isTrue();
        }
        int[][] out = GraphAlgorithms.adjacency(2_000, shape.src(), shape.dest());
        assertThat(GraphAlgorithms.count(GraphAlgorithms.components(out))).isLessThan(2_000);
        // deterministic for a seed
        assertThat(SyntheticApp.shape(2_000, 10_000, 3).dest()).isEqualTo(shape.dest());
    }
}
