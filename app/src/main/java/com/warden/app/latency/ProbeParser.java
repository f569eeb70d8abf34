package com.warden.app.latency;

import com.warden.app.WardenException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a probe file:
 * <pre>
 * -- name: Recent messages
 * -- description: ...
 * -- threshold_ms: 30
 * -- threshold_source: seed 002 conversation_history
 * -- requires: core
 * -- sampler:
 * SELECT id AS session_id FROM core.sessions ORDER BY random() LIMIT 200
 * -- query:
 * SELECT ... WHERE session_id = :session_id
 * </pre>
 * Header lines come first; "-- sampler:" and "-- query:" start the two sections. A format
 * problem is one clear line naming the file; whether the SQL itself is valid, only the server says.
 */
public final class ProbeParser {
    private static final Set<String> KEYS = Set.of("name", "description", "threshold_ms", "threshold_source", "requires");

    private ProbeParser() { }

    public static Probe parse(String id, String source, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        StringBuilder sampler = null;
        StringBuilder query = null;
        StringBuilder current = null;
        int lineNo = 0;
        for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.matches("--\\s*sampler\\s*:\\s*")) {
                if (sampler != null) {
                    throw bad(id, source, lineNo, "a second '-- sampler:' section");
                }
                sampler = new StringBuilder();
                current = sampler;
                continue;
            }
            if (lower.matches("--\\s*query\\s*:\\s*")) {
                if (query != null) {
                    throw bad(id, source, lineNo, "a second '-- query:' section");
                }
                query = new StringBuilder();
                current = query;
                continue;
            }
            if (current == null) {
                if (line.isEmpty()) {
                    continue;
                }
                if (!line.startsWith("--")) {
                    throw bad(id, source, lineNo, "SQL before '-- query:'; put the query after a '-- query:' line");
                }
                String body = line.substring(2).strip();
                int colon = body.indexOf(':');
                if (colon > 0) {
                    String key = body.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    if (KEYS.contains(key)) {
                        header.put(key, body.substring(colon + 1).strip());
                    }
                }
                continue;
            }
            current.append(raw).append('\n');
        }
        if (query == null || clean(query.toString()).isEmpty()) {
            throw bad(id, source, 0, "no '-- query:' section (or it is empty)");
        }
        String name = header.getOrDefault("name", id);
        String thresholdText = header.get("threshold_ms");
        if (thresholdText == null) {
            throw bad(id, source, 0, "no '-- threshold_ms:' line; say how fast the query must be, e.g. -- threshold_ms: 20");
        }
        double threshold;
        try {
            threshold = Double.parseDouble(thresholdText);
        } catch (NumberFormatException e) {
            throw bad(id, source, 0, "threshold_ms '" + thresholdText + "' is not a number");
        }
        if (!(threshold > 0)) {
            throw bad(id, source, 0, "threshold_ms must be above 0");
        }
        String q = clean(query.toString());
        String s = sampler == null ? null : clean(sampler.toString());
        List<String> params = new NamedSql(q).parameterNames();
        if (!params.isEmpty() && (s == null || s.isEmpty())) {
            throw bad(id, source, 0, "the query uses " + join(params) + " but there is no '-- sampler:' query to draw them from");
        }
        String requires = header.getOrDefault("requires", "");
        if (!requires.isEmpty() && !requires.equalsIgnoreCase("core")) {
            throw bad(id, source, 0, "requires: '" + requires + "' is unknown; the only requirement is 'core'");
        }
        return new Probe(id, name, header.getOrDefault("description", ""), q, s == null || s.isEmpty() ? null : s,
                threshold, header.getOrDefault("threshold_source", ""), requires, source);
    }

    /** Trims, and drops a trailing semicolon: one statement per section. */
    static String clean(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String join(List<String> names) {
        List<String> shown = new ArrayList<>();
        names.forEach(n -> shown.add(":" + n));
        return String.join(", ", shown);
    }

    private static WardenException bad(String id, String source, int line, String what) {
        return new WardenException("Probe " + id + " (" + source + (line > 0 ? ", line " + line : "") + "): " + what + ".",
                "fix the file; the other probes run meanwhile");
    }
}
