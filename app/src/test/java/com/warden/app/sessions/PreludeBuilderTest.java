package com.warden.app.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.sessions.PreludePart.Section;
import com.warden.app.text.Tokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The prelude format, the drop order, and the budget's guarantees (properties over every budget). */
class PreludeBuilderTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static PreludeBuilder.Input input(int decisions) {
        List<Decision> ds = new ArrayList<>();
        for (int i = decisions; i >= 1; i--) {
            ds.add(new Decision(null, "Decision number " + i, null, "{}", T0.plusSeconds(i)));
        }
        return new PreludeBuilder.Input(UUID.randomUUID(), "Ship the billing page", "Expense Tracker",
                "Started from the template. Added the chart! Is the budget banner next? Working on CSV export.",
                MemoryFormat.keyFacts("{\"styling\": \"css modules\", \"framework\": \"react\", \"zeta\": [1, 2], \"api_base\": \"/v1\"}"),
                List.of("No new dependencies", "Keep bundle under 200 kB"),
                List.of(new PreludeBuilder.Pin("src/App.tsx", "Entry", "user", T0.plusSeconds(1)),
                        new PreludeBuilder.Pin("src/chart.ts", null, "agent", T0.plusSeconds(2)),
                        new PreludeBuilder.Pin("src/store.ts", "State", "user", T0.plusSeconds(3))),
                ds);
    }

    @Test
    void sectionsFollowSeed000AndEmptyOnesAreLeftOut() {
        Prelude p = PreludeBuilder.build(input(0));
        assertThat(p.text()).isEqualTo("""
                Session: Ship the billing page
                App: Expense Tracker

                Summary:
                Started from the template. Added the chart! Is the budget banner next? Working on CSV export.

                Pinned Files:
                - src/App.tsx (Entry)
                - src/chart.ts
                - src/store.ts (State)

                Key Facts:
                - Framework: react
                - Styling: css modules
                - API base: /v1
                - Zeta: 1, 2

                Constraints:
                - No new dependencies
                - Keep bundle under 200 kB""");
        PreludeBuilder.Input bare = new PreludeBuilder.Input(UUID.randomUUID(), "T", "A", "", List.of(), List.of(), List.of(), List.of());
        assertThat(PreludeBuilder.build(bare).text()).isEqualTo("Session: T\nApp: A");
    }

    @Test
    void theDropOrderIsTheStatedOne() {
        Prelude p = PreludeBuilder.build(input(2), 1);
        assertThat(p.withinBudget()).isFalse();
        assertThat(p.droppedParts()).extracting(PreludePart::text).containsExactly(
                "- Decision number 1", "- Decision number 2",
                "Started from the template.", "Added the chart!", "Is the budget banner next?", "Working on CSV export.",
                "- src/chart.ts",
                "- src/store.ts (State)", "- src/App.tsx (Entry)",
                "- Zeta: 1, 2", "- API base: /v1", "- Styling: css modules", "- Framework: react",
                "- Keep bundle under 200 kB", "- No new dependencies");
        assertThat(p.keptParts()).allMatch(x -> x.section() == Section.HEADER);
        assertThat(p.droppedParts()).extracting(PreludePart::dropRank).isSorted();
        assertThat(Prelude.DROP_ORDER).hasSize(6);
    }

    @Property(tries = 200)
    void anyBudgetIsMetWithTheFewestDrops(@ForAll @IntRange(min = 1, max = 160) int budget) {
        Prelude p = PreludeBuilder.build(input(3), budget);
        assertThat(p.tokenCount()).isEqualTo(Tokens.count(p.text()));
        if (p.withinBudget()) {
            assertThat(p.tokenCount()).isLessThanOrEqualTo(budget);
        } else {
            assertThat(p.text()).isEqualTo("Session: Ship the billing page\nApp: Expense Tracker");
        }
        // dropped parts are exactly ranks 1..k: a prefix of the drop order
        int k = p.droppedParts().size();
        assertThat(p.droppedParts()).extracting(PreludePart::dropRank)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, k).boxed().toList());
        if (k > 0 && p.withinBudget()) {
            // the fewest drops: one fewer would not fit
            assertThat(Tokens.count(PreludeBuilder.textWithDrops(input(3), k - 1))).isGreaterThan(budget);
            assertThat(PreludeBuilder.textWithDrops(input(3), k)).isEqualTo(p.text());
        }
        if (budget >= p.fullTokenCount()) {
            assertThat(p.droppedParts()).isEmpty();
        }
    }

    @Property(tries = 100)
    void moreBudgetNeverDropsMore(@ForAll @IntRange(min = 1, max = 150) int budget) {
        int dropsHere = PreludeBuilder.build(input(3), budget).droppedParts().size();
        int dropsWithMore = PreludeBuilder.build(input(3), budget + 1).droppedParts().size();
        assertThat(dropsWithMore).isLessThanOrEqualTo(dropsHere);
    }

    @Test
    void labelsAndValuesReadLikeSeed000() {
        assertThat(MemoryFormat.label("typescript")).isEqualTo("TypeScript");
        assertThat(MemoryFormat.label("test_runner")).isEqualTo("Test runner");
        assertThat(MemoryFormat.label("apiBaseUrl")).isEqualTo("API base URL");
        assertThat(MemoryFormat.keyFacts("{\"features\": [\"dark-mode\", \"persistence\"], \"typescript\": true, \"framework\": \"react\"}"))
                .extracting(KeyFact::label).containsExactly("Framework", "TypeScript", "Features");
        assertThat(MemoryFormat.keyFacts("not json")).isEmpty();
        assertThat(MemoryFormat.keyFacts("{\"o\": {\"a\": 1}, \"n\": null}")).extracting(KeyFact::value)
                .containsExactly("null", "{\"a\":1}");
        assertThat(MemoryFormat.constraints("[\"a\", \"\", {\"b\": 2}]")).containsExactly("a", "{\"b\":2}");
    }
}
