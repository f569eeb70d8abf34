package com.warden.app.sessions;

import com.warden.app.sessions.PreludePart.Section;
import com.warden.app.text.Tokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Builds the prelude text exactly in seed 000's format:
 *
 * <pre>
 * Session: Build a todo app with dark mode
 * App: Todo App
 *
 * Summary:
 * User requested a todo app with React. ...
 *
 * Pinned Files:
 * - src/App.tsx (Main app component)
 *
 * Key Facts:
 * - Framework: react
 *
 * Constraints:
 * - Use functional components
 * </pre>
 *
 * A section with nothing in it is left out. With a budget, parts are dropped in
 * {@link Prelude#DROP_ORDER} until the real token count fits: the number of parts to drop is
 * found by binary search over exact counts of the assembled text (dropping more never makes
 * the text longer), so the result is the fewest drops that fit, not an estimate.
 */
public final class PreludeBuilder {

    /** A pinned file as the prelude sees it. */
    public record Pin(String path, String reason, String pinnedBy, Instant pinnedAt) { }

    /** Everything the prelude is made of. */
    public record Input(UUID sessionId, String title, String appName, String summary, List<KeyFact> keyFacts,
                        List<String> constraints, List<Pin> pins, List<Decision> decisions) {
        public Input {
            summary = summary == null ? "" : summary.strip();
            keyFacts = List.copyOf(keyFacts);
            constraints = List.copyOf(constraints);
            pins = List.copyOf(pins);
            decisions = List.copyOf(decisions);
        }
    }

    private PreludeBuilder() { }

    /** The prelude with everything kept. */
    public static Prelude build(Input in) {
        return build(in, null);
    }

    /** The prelude within {@code budget} tokens (null or &lt;= 0: no budget). */
    public static Prelude build(Input in, Integer budget) {
        List<Unit> units = units(in);
        String full = render(in, units, 0);
        int fullCount = Tokens.count(full);
        Integer effective = budget != null && budget > 0 ? budget : null;
        int droppable = (int) units.stream().filter(u -> u.rank > 0).count();
        int drop = 0;
        String text = full;
        int count = fullCount;
        boolean within = true;
        if (effective != null && fullCount > effective) {
            String all = render(in, units, droppable);
            int allCount = Tokens.count(all);
            if (allCount > effective) {
                // even the header alone is over budget: keep the header and say so
                drop = droppable;
                text = all;
                count = allCount;
                within = false;
            } else {
                // smallest number of drops (in drop order) whose text fits: `hi` always fits, `lo - 1` never does
                int lo = 1;
                int hi = droppable;
                String best = all;
                int bestCount = allCount;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    String t = render(in, units, mid);
                    int c = Tokens.count(t);
                    if (c <= effective) {
                        hi = mid;
                        best = t;
                        bestCount = c;
                    } else {
                        lo = mid + 1;
                    }
                }
                drop = hi;
                text = best;
                count = bestCount;
            }
        }
        int dropped = drop;
        return new Prelude(in.sessionId(), text, count, effective, fullCount, within, () -> {
            List<PreludePart> parts = new ArrayList<>(units.size());
            for (Unit u : units) {
                parts.add(new PreludePart(u.section, u.text, Tokens.count(u.text), u.rank == 0 || u.rank > dropped, u.rank));
            }
            return parts;
        }, Tokens.encodingName());
    }

    /** The text with the first {@code dropped} parts of the drop order left out (tests check minimality with it). */
    static String textWithDrops(Input in, int dropped) {
        return render(in, units(in), dropped);
    }

    private static final class Unit {
        final Section section;
        final String text;
        /** position in the section as printed */
        final int index;
        /** for summary sentences: where the sentence starts in the summary */
        final int offset;
        int rank;

        Unit(Section section, String text, int index, int offset) {
            this.section = section;
            this.text = text;
            this.index = index;
            this.offset = offset;
        }
    }

    private static List<Unit> units(Input in) {
        List<Unit> all = new ArrayList<>();
        all.add(new Unit(Section.HEADER, "Session: " + in.title(), 0, 0));
        all.add(new Unit(Section.HEADER, "App: " + in.appName(), 1, 0));

        List<Unit> decisions = new ArrayList<>();
        // decisions arrive newest first; printed newest first; dropped oldest first
        for (int i = 0; i < in.decisions().size(); i++) {
            decisions.add(new Unit(Section.DECISION, "- " + in.decisions().get(i).summary(), i, 0));
        }
        List<Unit> sentences = new ArrayList<>();
        String summary = in.summary();
        if (!summary.isEmpty()) {
            // sentences end at . ! or ? followed by white space (the rest of the white space is the gap)
            int start = 0;
            int i = 0;
            int n = summary.length();
            for (int k = 0; k < n - 1; k++) {
                char c = summary.charAt(k);
                if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(summary.charAt(k + 1))) {
                    int next = k + 1;
                    while (next < n && Character.isWhitespace(summary.charAt(next))) {
                        next++;
                    }
                    if (next < n) {
                        sentences.add(new Unit(Section.SUMMARY, summary.substring(start, k + 1), i++, start));
                        start = next;
                        k = next - 1;
                    }
                }
            }
            sentences.add(new Unit(Section.SUMMARY, summary.substring(start), i, start));
        }
        List<Unit> pins = new ArrayList<>();
        for (int i = 0; i < in.pins().size(); i++) {
            Pin p = in.pins().get(i);
            String line = "- " + p.path() + (p.reason() == null || p.reason().isBlank() ? "" : " (" + p.reason() + ")");
            pins.add(new Unit(Section.PINNED_FILE, line, i, 0));
        }
        List<Unit> facts = new ArrayList<>();
        for (int i = 0; i < in.keyFacts().size(); i++) {
            KeyFact f = in.keyFacts().get(i);
            facts.add(new Unit(Section.KEY_FACT, "- " + f.label() + ": " + f.value(), i, 0));
        }
        List<Unit> constraints = new ArrayList<>();
        for (int i = 0; i < in.constraints().size(); i++) {
            constraints.add(new Unit(Section.CONSTRAINT, "- " + in.constraints().get(i), i, 0));
        }

        // the drop order of Prelude.DROP_ORDER
        int rank = 0;
        for (int i = decisions.size() - 1; i >= 0; i--) {
            decisions.get(i).rank = ++rank;
        }
        for (Unit u : sentences) {
            u.rank = ++rank;
        }
        List<Integer> pinOrder = new ArrayList<>();
        for (int i = 0; i < pins.size(); i++) {
            pinOrder.add(i);
        }
        pinOrder.sort(Comparator.<Integer>comparingInt(i -> "agent".equals(in.pins().get(i).pinnedBy()) ? 0 : 1)
                .thenComparing(i -> in.pins().get(i).pinnedAt(), Comparator.nullsFirst(Comparator.reverseOrder()))
                .thenComparing(Comparator.reverseOrder()));
        for (int i : pinOrder) {
            pins.get(i).rank = ++rank;
        }
        for (int i = facts.size() - 1; i >= 0; i--) {
            facts.get(i).rank = ++rank;
        }
        for (int i = constraints.size() - 1; i >= 0; i--) {
            constraints.get(i).rank = ++rank;
        }

        all.addAll(sentences);
        all.addAll(pins);
        all.addAll(facts);
        all.addAll(constraints);
        all.addAll(decisions);
        return all;
    }

    /** The text with the parts of rank 1..dropped left out. */
    private static String render(Input in, List<Unit> units, int dropped) {
        StringBuilder s = new StringBuilder(in.summary().length() + 64 * units.size());
        s.append("Session: ").append(in.title()).append('\n').append("App: ").append(in.appName());
        Unit firstSentence = null;
        for (Unit u : units) {
            if (u.section == Section.SUMMARY && kept(u, dropped)) {
                firstSentence = u;
                break;
            }
        }
        if (firstSentence != null) {
            s.append("\n\nSummary:\n").append(in.summary().substring(firstSentence.offset).strip());
        }
        section(s, units, dropped, Section.PINNED_FILE);
        section(s, units, dropped, Section.KEY_FACT);
        section(s, units, dropped, Section.CONSTRAINT);
        section(s, units, dropped, Section.DECISION);
        return s.toString();
    }

    private static void section(StringBuilder s, List<Unit> units, int dropped, Section section) {
        boolean opened = false;
        for (Unit u : units) {
            if (u.section == section && kept(u, dropped)) {
                if (!opened) {
                    s.append("\n\n").append(section.heading()).append(":");
                    opened = true;
                }
                s.append('\n').append(u.text);
            }
        }
    }

    private static boolean kept(Unit u, int dropped) {
        return u.rank == 0 || u.rank > dropped;
    }
}
