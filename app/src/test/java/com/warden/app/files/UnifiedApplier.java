package com.warden.app.files;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict unified-diff applier for the property test (no fuzz, no offsets): every context and
 * removed line must be exactly where the hunk header says.
 */
final class UnifiedApplier {
    private UnifiedApplier() { }

    static String apply(String old, String unified) {
        if (unified.isEmpty()) {
            return old;
        }
        List<String> a = TextLines.split(old);
        List<String> patch = TextLines.split(unified);
        if (!patch.get(0).startsWith("--- ") || !patch.get(1).startsWith("+++ ")) {
            throw new IllegalArgumentException("no headers");
        }
        List<String> out = new ArrayList<>();
        int at = 0; // next old line to copy
        int p = 2;
        while (p < patch.size()) {
            String header = patch.get(p++);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@\n").matcher(header);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad hunk header " + header);
            }
            int oldStart = Integer.parseInt(m.group(1));
            int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int from = oldCount == 0 ? oldStart : oldStart - 1;
            while (at < from) {
                out.add(a.get(at++));
            }
            while (p < patch.size() && !patch.get(p).startsWith("@@")) {
                String line = patch.get(p++);
                String body = line.substring(1);
                if (p < patch.size() && patch.get(p).startsWith("\\ No newline")) {
                    body = body.substring(0, body.length() - 1);
                    p++;
                }
                switch (line.charAt(0)) {
                    case ' ' -> {
                        check(a, at, body);
                        out.add(a.get(at++));
                    }
                    case '-' -> {
                        check(a, at, body);
                        at++;
                    }
                    case '+' -> out.add(body);
                    default -> throw new IllegalArgumentException("bad line " + line);
                }
            }
        }
        while (at < a.size()) {
            out.add(a.get(at++));
        }
        return String.join("", out);
    }

    private static void check(List<String> a, int at, String expected) {
        if (at >= a.size() || !a.get(at).equals(expected)) {
            throw new IllegalStateException("hunk does not apply at line " + (at + 1));
        }
    }
}
