package com.warden.app.files;

import java.util.SplittableRandom;

/**
 * Two versions of a generated TypeScript-like file for benchmarks and the large-file view: the
 * first has the given number of lines, the second changes a fraction of them (a third edited in
 * place, a third deleted, a third with a new line inserted after). Deterministic for a seed.
 */
public final class SyntheticPair {
    private static final String[] NAMES = {"items", "theme", "user", "total", "filter", "query", "state", "props",
            "config", "result", "index", "label", "value", "store", "entry"};
    private static final String[] CALLS = {"useState", "useMemo", "compute", "format", "fetchJson", "parse", "render",
            "validate", "normalize", "toggle"};

    private SyntheticPair() { }

    /** Returns {old, new}. */
    public static String[] generate(int lines, double changedFraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder a = new StringBuilder(lines * 48);
        StringBuilder b = new StringBuilder(lines * 48);
        for (int i = 0; i < lines; i++) {
            String line = line(random, i);
            a.append(line);
            if (random.nextDouble() < changedFraction) {
                switch (random.nextInt(3)) {
                    case 0 -> b.append(line.replace(NAMES[i % NAMES.length], NAMES[(i + 7) % NAMES.length] + "Next"));
                    case 1 -> { }
                    default -> b.append(line).append("  // reviewed: keep ").append(NAMES[random.nextInt(NAMES.length)])
                            .append(" in sync (#").append(random.nextInt(10_000)).append(")\n");
                }
            } else {
                b.append(line);
            }
        }
        return new String[] {a.toString(), b.toString()};
    }

    private static String line(SplittableRandom random, int i) {
        String name = NAMES[i % NAMES.length];
        return switch (i % 12) {
            case 0 -> "export function " + name + "Handler" + i + "(input: string) {\n";
            case 1 -> "  const " + name + " = " + CALLS[random.nextInt(CALLS.length)] + "(input, " + random.nextInt(1000) + ");\n";
            case 2 -> "  if (!" + name + ") {\n";
            case 3 -> "    return null;\n";
            case 4 -> "  }\n";
            case 5 -> "  // " + name + " " + i + ": keep the view and the store in step\n";
            case 6 -> "  const next = { ...state, " + name + ", updatedAt: Date.now() };\n";
            case 7 -> "  log.debug('" + name + "', next.id, " + random.nextInt(100) + ");\n";
            case 8 -> "  return next;\n";
            case 9 -> "}\n";
            case 10 -> "\n";
            default -> "import { " + name + i + " } from './" + name + "/" + name + i + "';\n";
        };
    }
}
