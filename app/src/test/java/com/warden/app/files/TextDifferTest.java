package com.warden.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warden.app.WardenException;
import com.warden.app.job.CancellableJob;
import com.warden.app.job.JobCancelledException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDifferTest {

    @Test
    void identicalTextsHaveNoChangesAndAnEmptyPatch() {
        TextDiff d = TextDiffer.diff("a\nb\n", "a\nb\n", DiffOptions.DEFAULT);
        assertThat(d.stats().identical()).isTrue();
        assertThat(d.unified("x", "x")).isEmpty();
        assertThat(d.rows()).extracting(DiffRow::kind).containsOnly(DiffRow.Kind.EQUAL);
    }

    @Test
    void writesTheHunksExactlyLikeGnuDiff() throws Exception {
        String a = lines(1, 40);
        String b = a.replace("line 5\n", "line five\n").replace("line 30\n", "").replace("line 38\n", "line 38\nline 38b\n");
        String ours = TextDiffer.diff(a, b, DiffOptions.DEFAULT).unified("f", "f");
        assertThat(ours.substring(ours.indexOf("@@"))).isEqualTo(GnuTools.diffBody(a, b, "-u"));
        for (int context : new int[] {0, 1, 10}) {
            String withContext = TextDiffer.diff(a, b, DiffOptions.DEFAULT.withContext(context)).unified("f", "f");
            assertThat(withContext.substring(withContext.indexOf("@@"))).isEqualTo(GnuTools.diffBody(a, b, "-U" + context));
        }
    }

    @Test
    void theHeadersAreThoseOfSeedZero() {
        String unified = TextDiffer.diff("a\n", "b\n", DiffOptions.DEFAULT).unified("src/App.tsx", "src/App.tsx");
        assertThat(unified).startsWith("--- src/App.tsx\n+++ src/App.tsx\n@@ -1 +1 @@\n-a\n+b\n");
    }

    @Test
    void mixedLineEndingsAndAMissingFinalNewlinePatchBackByteForByte() throws Exception {
        String a = "first\r\nsecond\nthird\r\nfourth\nlast";
        String b = "first\r\nsecond\r\nthird\r\nfourth changed\nlast\n";
        TextDiff d = TextDiffer.diff(a, b, DiffOptions.DEFAULT);
        String unified = d.unified("f", "f");
        assertThat(unified).contains("\\ No newline at end of file\n");
        assertThat(unified).contains("-second\n+second\r\n");
        GnuTools.Applied applied = GnuTools.patch(a, unified);
        assertThat(applied.exitCode()).as(applied.output()).isZero();
        assertThat(applied.result()).isEqualTo(b.getBytes(StandardCharsets.UTF_8));
        assertThat(UnifiedApplier.apply(a, unified)).isEqualTo(b);
        // the rows show the ending that changed and the missing final newline
        DiffRow second = d.rows().get(1);
        assertThat(second.kind()).isEqualTo(DiffRow.Kind.CHANGE);
        assertThat(second.left().eol()).isEqualTo(Eol.LF);
        assertThat(second.right().eol()).isEqualTo(Eol.CRLF);
        assertThat(second.left().eolChanged()).isTrue();
        assertThat(second.left().marks()).isEmpty();
        DiffRow last = d.rows().get(d.rows().size() - 1);
        assertThat(last.left().eol()).isEqualTo(Eol.NONE);
        assertThat(last.right().eol()).isEqualTo(Eol.LF);
    }

    @Test
    void fromNothingAndToNothing() throws Exception {
        String text = "one\ntwo\nthree";
        String created = TextDiffer.diff("", text, DiffOptions.DEFAULT).unified("f", "f");
        assertThat(created).contains("@@ -0,0 +1,3 @@");
        assertThat(GnuTools.patch("", created).result()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        String emptied = TextDiffer.diff(text, "", DiffOptions.DEFAULT).unified("f", "f");
        assertThat(emptied).contains("@@ -1,3 +0,0 @@");
        assertThat(GnuTools.patch(text, emptied).result()).isEmpty();
        assertThat(TextDiffer.diff(null, "", DiffOptions.DEFAULT).stats().identical()).isTrue();
    }

    @Test
    void changedWordsAreMarkedInsideAChangedLine() {
        TextDiff d = TextDiffer.diff("const theme = 'light';\n", "const theme = 'dark';\n", DiffOptions.DEFAULT);
        DiffRow row = d.rows().get(0);
        assertThat(row.kind()).isEqualTo(DiffRow.Kind.CHANGE);
        assertThat(row.left().marks()).hasSize(1);
        Span left = row.left().marks().get(0);
        Span right = row.right().marks().get(0);
        assertThat(row.left().text().substring(left.start(), left.end())).isEqualTo("light");
        assertThat(row.right().text().substring(right.start(), right.end())).isEqualTo("dark");
    }

    @Test
    void aRewrittenLineIsNotConfetti() {
        TextDiff d = TextDiffer.diff("return items.filter(x => x.done);\n", "throw new Error('no');\n", DiffOptions.DEFAULT);
        assertThat(d.rows().get(0).left().marks()).isEmpty();
        assertThat(d.rows().get(0).right().marks()).isEmpty();
    }

    @Test
    void ignoringWhitespaceMatchesReindentedLinesAndEndings() {
        String a = "if (x) {\n  go();\n}\n";
        String b = "if (x) {\r\n\tgo( );\r\n}\r\n";
        assertThat(TextDiffer.diff(a, b, DiffOptions.DEFAULT).stats().changes()).isEqualTo(1);
        TextDiff ignoring = TextDiffer.diff(a, b, DiffOptions.DEFAULT.withIgnoreWhitespace(true));
        assertThat(ignoring.stats().identical()).isTrue();
        assertThat(ignoring.unified("f", "f")).isEmpty();
    }

    @Test
    void rowsPairChangedLinesAndCountChanges() {
        String a = "a\nb\nc\nd\ne\n";
        String b = "a\nB\nc\nd\nx\ny\ne\n";
        TextDiff d = TextDiffer.diff(a, b, DiffOptions.DEFAULT);
        assertThat(d.stats()).isEqualTo(new DiffStats(2, 1, 3, 1, false));
        assertThat(d.rows()).extracting(DiffRow::kind).containsExactly(DiffRow.Kind.EQUAL, DiffRow.Kind.CHANGE,
                DiffRow.Kind.EQUAL, DiffRow.Kind.EQUAL, DiffRow.Kind.INSERT, DiffRow.Kind.INSERT, DiffRow.Kind.EQUAL);
        assertThat(d.changeStarts()).containsExactly(1, 4);
        assertThat(d.withContext(0).stats().hunks()).isEqualTo(2);
        DiffRow inserted = d.rows().get(5);
        assertThat(inserted.left()).isNull();
        assertThat(inserted.right().line()).isEqualTo(6);
        assertThat(inserted.right().text()).isEqualTo("y");
    }

    @Test
    void similarLinesSitSideBySideInsideALargerChange() {
        String a = "x\nexport default function App() {\ny\n";
        String b = "x\nfunction ThemeToggle() {\n  return 1;\n}\n\nfunction TodoApp() {\ny\n";
        TextDiff d = TextDiffer.diff(a, b, DiffOptions.DEFAULT);
        assertThat(d.rows()).extracting(DiffRow::kind).containsExactly(DiffRow.Kind.EQUAL, DiffRow.Kind.INSERT,
                DiffRow.Kind.INSERT, DiffRow.Kind.INSERT, DiffRow.Kind.INSERT, DiffRow.Kind.CHANGE, DiffRow.Kind.EQUAL);
        DiffRow paired = d.rows().get(5);
        assertThat(paired.left().text()).isEqualTo("export default function App() {");
        assertThat(paired.right().text()).isEqualTo("function TodoApp() {");
        assertThat(d.changeStarts()).containsExactly(1);
    }

    @Test
    void anAddedBlockSlidesDownToEndOnItsOwnClosingLine() {
        String a = "function a() {\n  return 1;\n}\n";
        String b = "function a() {\n  return 1;\n}\n\nfunction b() {\n  return 2;\n}\n";
        String unified = TextDiffer.diff(a, b, DiffOptions.DEFAULT).unified("f", "f");
        assertThat(unified).endsWith(" }\n+\n+function b() {\n+  return 2;\n+}\n");
    }

    @Test
    void aDiffOverTheBudgetIsSimplifiedButStillExact() throws Exception {
        Random random = new Random(7);
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            x.append(random.nextInt(40)).append('\n');
            y.append(random.nextInt(40)).append('\n');
        }
        TextDiff d = TextDiffer.diff(x.toString(), y.toString(), DiffOptions.DEFAULT, com.warden.app.job.JobContext.none(), 1000);
        assertThat(d.approximate()).isTrue();
        assertThat(d.stats().approximate()).isTrue();
        assertThat(UnifiedApplier.apply(x.toString(), d.unified("f", "f"))).isEqualTo(y.toString());
        assertThat(TextDiffer.diff(x.toString(), y.toString(), DiffOptions.DEFAULT).approximate()).isFalse();
    }

    @Test
    void aCancelledDiffStops() {
        Random random = new Random(3);
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            x.append(random.nextInt(100)).append('\n');
            y.append(random.nextInt(100)).append('\n');
        }
        CancellableJob job = new CancellableJob(p -> { });
        job.cancel();
        assertThatThrownBy(() -> TextDiffer.diff(x.toString(), y.toString(), DiffOptions.DEFAULT, job))
                .isInstanceOf(JobCancelledException.class);
    }

    @Test
    void aNegativeContextIsRefusedClearly() {
        assertThatThrownBy(() -> new DiffOptions(-1, false)).isInstanceOf(WardenException.class)
                .hasMessageContaining("0 or more");
    }

    @Test
    void aLargePairWithOnePercentChangedDiffsExactly() {
        String[] pair = SyntheticPair.generate(10_000, 0.01, 42);
        TextDiff d = TextDiffer.diff(pair[0], pair[1], DiffOptions.DEFAULT);
        assertThat(d.approximate()).isFalse();
        assertThat(d.stats().changes()).isBetween(50, 120);
        assertThat(UnifiedApplier.apply(pair[0], d.unified("f", "f"))).isEqualTo(pair[1]);
        assertThat(d.rows()).hasSizeGreaterThanOrEqualTo(10_000);
    }

    private static String lines(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i <= to; i++) {
            s.append("line ").append(i).append('\n');
        }
        return s.toString();
    }
}
