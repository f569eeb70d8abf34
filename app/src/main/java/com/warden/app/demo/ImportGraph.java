package com.warden.app.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file references of a source tree, read from its relative imports the way a bundler
 * resolves them: './x' is x.ts, x.tsx, x.js, x.jsx or x/index.*; a .css import is a style
 * reference, an image or SVG an asset, import('...') a dynamic import.
 */
final class ImportGraph {
    record Edge(String src, String dest, String type) { }

    private static final Pattern STATIC = Pattern.compile("(?m)^\\s*(?:import|export)\\s+(?:[^'\"]*?\\s+from\\s+)?['\"](\\.{1,2}/[^'\"]+)['\"]");
    private static final Pattern DYNAMIC = Pattern.compile("import\\(\\s*['\"](\\.{1,2}/[^'\"]+)['\"]\\s*\\)");
    private static final List<String> SUFFIXES = List.of("", ".ts", ".tsx", ".js", ".jsx", "/index.ts", "/index.tsx", "/index.js");

    private ImportGraph() { }

    static List<Edge> edges(String path, byte[] content, Set<String> knownPaths) {
        String text = new String(content, StandardCharsets.UTF_8);
        Set<Edge> edges = new LinkedHashSet<>();
        collect(path, text, STATIC, knownPaths, edges, false);
        collect(path, text, DYNAMIC, knownPaths, edges, true);
        return new ArrayList<>(edges);
    }

    private static void collect(String path, String text, Pattern pattern, Set<String> known, Set<Edge> out, boolean dynamic) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String target = resolve(path, m.group(1), known);
            if (target != null && !target.equals(path)) {
                out.add(new Edge(path, target, dynamic ? "dynamic-import" : typeOf(target)));
            }
        }
    }

    static String typeOf(String target) {
        String lower = target.toLowerCase();
        if (lower.endsWith(".css") || lower.endsWith(".scss")) {
            return "style";
        }
        if (lower.matches(".*\\.(svg|png|jpe?g|gif|webp|ico)$")) {
            return "asset";
        }
        return "import";
    }

    private static String resolve(String from, String spec, Set<String> known) {
        String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : "";
        List<String> parts = new ArrayList<>(dir.isEmpty() ? List.of() : List.of(dir.split("/")));
        for (String piece : spec.split("/")) {
            if (piece.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!piece.equals(".") && !piece.isEmpty()) {
                parts.add(piece);
            }
        }
        String base = String.join("/", parts);
        for (String suffix : SUFFIXES) {
            if (known.contains(base + suffix)) {
                return base + suffix;
            }
        }
        return null;
    }
}
