package com.warden.app.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * How memory reads as text, the way seed 000's prelude writes it: "- Framework: react",
 * "- TypeScript: true", "- Features: dark-mode, persistence".
 *
 * <p>jsonb keeps no key order (it sorts keys by length, then bytes), so the order of key facts
 * is Warden's rule, stated here and in docs/sessions.md: the stack facts first in this order
 * — framework, language, typescript, runtime, styling, state, database, backend, hosting,
 * testing, build — then every other key alphabetically.
 */
public final class MemoryFormat {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Facts that lead the list, in this order. */
    public static final List<String> LEADING_FACTS = List.of("framework", "language", "typescript", "runtime", "styling",
            "state", "database", "backend", "hosting", "testing", "build");

    /** Words whose usual spelling is not just a capital first letter. */
    private static final Map<String, String> SPELLING = Map.ofEntries(
            Map.entry("typescript", "TypeScript"), Map.entry("javascript", "JavaScript"), Map.entry("api", "API"),
            Map.entry("apis", "APIs"), Map.entry("ui", "UI"), Map.entry("ux", "UX"), Map.entry("css", "CSS"),
            Map.entry("html", "HTML"), Map.entry("json", "JSON"), Map.entry("url", "URL"), Map.entry("urls", "URLs"),
            Map.entry("id", "ID"), Map.entry("ids", "IDs"), Map.entry("db", "DB"), Map.entry("sql", "SQL"),
            Map.entry("graphql", "GraphQL"), Map.entry("nodejs", "Node.js"), Map.entry("oauth", "OAuth"),
            Map.entry("jwt", "JWT"), Map.entry("ci", "CI"), Map.entry("ssr", "SSR"), Map.entry("pwa", "PWA"),
            Map.entry("ios", "iOS"), Map.entry("llm", "LLM"), Map.entry("sdk", "SDK"), Map.entry("http", "HTTP"));

    private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static final Comparator<String> FACT_ORDER = Comparator
            .comparingInt((String k) -> {
                int i = LEADING_FACTS.indexOf(k.toLowerCase(Locale.ROOT));
                return i < 0 ? Integer.MAX_VALUE : i;
            })
            .thenComparing(String::compareTo);

    private MemoryFormat() { }

    /** Key facts from the jsonb text, ordered and labelled. Malformed or non-object JSON gives no facts. */
    public static List<KeyFact> keyFacts(String json) {
        JsonNode node = parse(json);
        if (node == null || !node.isObject()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(FACT_ORDER);
        List<KeyFact> facts = new ArrayList<>(keys.size());
        for (String k : keys) {
            facts.add(new KeyFact(k, label(k), value(node.get(k))));
        }
        return facts;
    }

    /** Constraints from the jsonb array text; strings as they are, anything else as compact JSON. */
    public static List<String> constraints(String json) {
        JsonNode node = parse(json);
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode c : node) {
            String text = c.isTextual() ? c.asText() : c.toString();
            if (!text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }

    /** "framework" → "Framework", "test_runner" → "Test runner", "typescript" → "TypeScript", "apiBase" → "API base". */
    public static String label(String key) {
        String camel = key.chars().anyMatch(Character::isUpperCase) ? CAMEL.matcher(key).replaceAll("$1 $2") : key;
        String spaced = camel.replace('_', ' ').replace('-', ' ').strip();
        if (spaced.isEmpty()) {
            return key;
        }
        String[] words = SPACES.split(spaced);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            String w = SPELLING.getOrDefault(lower, i == 0 ? capitalize(lower) : lower);
            if (i > 0) {
                s.append(' ');
            }
            s.append(w);
        }
        return s.toString();
    }

    /** A fact's value as the prelude prints it: arrays joined with ", ", objects as compact JSON. */
    public static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>(v.size());
            for (JsonNode e : v) {
                parts.add(e.isValueNode() ? e.asText() : e.toString());
            }
            return String.join(", ", parts);
        }
        return v.toString();
    }

    /** A decision from its payload: summary (or text, or title), rationale, and the raw JSON. */
    public static Decision decision(UUID id, String payloadJson, java.time.Instant at) {
        JsonNode p = parse(payloadJson);
        String summary = null;
        String rationale = null;
        if (p != null && p.isObject()) {
            summary = firstText(p, "summary", "decision", "text", "title");
            rationale = firstText(p, "rationale", "reason", "why");
        } else if (p != null && p.isTextual()) {
            summary = p.asText();
        }
        if (summary == null) {
            summary = payloadJson == null ? "" : payloadJson;
        }
        return new Decision(id, summary, rationale, payloadJson, at);
    }

    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String firstText(JsonNode p, String... names) {
        for (String n : names) {
            JsonNode v = p.get(n);
            if (v != null && !v.isNull()) {
                String t = v.isValueNode() ? v.asText() : v.toString();
                if (!t.isBlank()) {
                    return t;
                }
            }
        }
        return null;
    }

    private static String capitalize(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    static Iterator<JsonNode> elements(JsonNode n) {
        return n == null ? java.util.Collections.emptyIterator() : n.elements();
    }
}
