package com.warden.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For random text pairs, applying the computed patch to the old text gives the new text: with a
 * strict applier for many pairs, and with the real GNU patch for a good number of them. Lines are
 * drawn from a small vocabulary so that pairs share lines, with mixed LF / CRLF endings and
 * sometimes no final newline.
 */
class PatchRoundTripProperties {

    @Property(tries = 1500)
    void thePatchTurnsTheOldTextIntoTheNewOne(@ForAll("pairs") String[] pair, @ForAll @IntRange(max = 6) int context) {
        TextDiff d = TextDiffer.diff(pair[0], pair[1], DiffOptions.DEFAULT.withContext(context));
        assertThat(UnifiedApplier.apply(pair[0], d.unified("f", "f"))).isEqualTo(pair[1]);
    }

    @Property(tries = 150)
    void gnuPatchAgreesByteForByte(@ForAll("pairs") String[] pair, @ForAll @IntRange(max = 4) int context) throws Exception {
        String unified = TextDiffer.diff(pair[0], pair[1], DiffOptions.DEFAULT.withContext(context)).unified("f", "f");
        if (unified.isEmpty()) {
            assertThat(pair[1]).isEqualTo(pair[0]);
            return;
        }
        GnuTools.Applied applied = GnuTools.patch(pair[0], unified);
        assertThat(applied.exitCode()).as(applied.output()).isZero();
        assertThat(applied.output()).doesNotContain("fuzz").doesNotContain("offset");
        assertThat(applied.result()).isEqualTo(pair[1].getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 40)
    void bigPairsCutAtAnchorsStillPatchExactly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int percentChanged) {
        String[] pair = SyntheticPair.generate(3000, percentChanged / 100.0, seed);
        // and a block of lines moved elsewhere, which unique-line anchors must not trip over
        List<String> lines = new ArrayList<>(TextLines.split(pair[1]));
        java.util.Random random = new java.util.Random(seed);
        int from = random.nextInt(lines.size() - 200);
        List<String> block = new ArrayList<>(lines.subList(from, from + 150));
        lines.subList(from, from + 150).clear();
        lines.addAll(random.nextInt(lines.size()), block);
        pair[1] = String.join("", lines);
        TextDiff d = TextDiffer.diff(pair[0], pair[1], DiffOptions.DEFAULT);
        assertThat(UnifiedApplier.apply(pair[0], d.unified("f", "f"))).isEqualTo(pair[1]);
        assertThat(UnifiedApplier.apply(pair[1], TextDiffer.diff(pair[1], pair[0], DiffOptions.DEFAULT).unified("f", "f")))
                .isEqualTo(pair[0]);
    }

    @Property(tries = 500)
    void theRowsHoldBothTextsCompletely(@ForAll("pairs") String[] pair) {
        TextDiff d = TextDiffer.diff(pair[0], pair[1], DiffOptions.DEFAULT);
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (DiffRow row : d.rows()) {
            append(left, row.left());
            append(right, row.right());
            for (DiffRow.Side side : new DiffRow.Side[] {row.left(), row.right()}) {
                if (side != null) {
                    for (Span s : side.marks()) {
                        assertThat(s.start()).isBetween(0, s.end());
                        assertThat(s.end()).isLessThanOrEqualTo(side.text().length());
                    }
                }
            }
        }
        assertThat(left.toString()).isEqualTo(pair[0]);
        assertThat(right.toString()).isEqualTo(pair[1]);
        assertThat(d.changeStarts()).hasSize(d.stats().changes());
        for (int start : d.changeStarts()) {
            assertThat(d.rows().get(start).isChange()).isTrue();
        }
    }

    private static void append(StringBuilder s, DiffRow.Side side) {
        if (side != null) {
            s.append(side.text()).append(side.eol() == Eol.CRLF ? "\r\n" : side.eol() == Eol.LF ? "\n" : "");
        }
    }

    @Provide
    Arbitrary<String[]> pairs() {
        Arbitrary<List<String>> lines = Arbitraries.of("a", "b", "c", "}", "", "  x = 1;", "\tx = 1;", "return;", "é ✓")
                .list().ofMaxSize(30);
        Arbitrary<List<Boolean>> crlf = Arbitraries.of(true, false, false, false).list().ofSize(40);
        Arbitrary<List<Integer>> edits = Arbitraries.integers().between(0, 9).list().ofMaxSize(40);
        return Combinators.combine(lines, crlf, edits, Arbitraries.of(true, false), Arbitraries.of(true, false), lines)
                .as((base, endings, ops, oldFinal, newFinal, fresh) -> {
                    List<String> derived = new ArrayList<>();
                    int f = 0;
                    for (int i = 0; i < base.size(); i++) {
                        int op = i < ops.size() ? ops.get(i) : 9;
                        if (op == 0) {
                            continue; // delete
                        }
                        if (op == 1 && f < fresh.size()) {
                            derived.add(fresh.get(f++)); // replace
                            continue;
                        }
                        derived.add(base.get(i));
                        if (op == 2 && f < fresh.size()) {
                            derived.add(fresh.get(f++)); // insert
                        }
                    }
                    return new String[] {join(base, endings, 0, oldFinal), join(derived, endings, 7, newFinal)};
                });
    }

    private static String join(List<String> lines, List<Boolean> crlf, int shift, boolean finalNewline) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            s.append(lines.get(i));
            if (i < lines.size() - 1 || finalNewline) {
                s.append(crlf.get((i + shift) % crlf.size()) ? "\r\n" : "\n");
            }
        }
        return s.toString();
    }
}
