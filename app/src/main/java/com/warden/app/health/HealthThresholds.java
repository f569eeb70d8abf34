package com.warden.app.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.warden.app.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The set of limits the checks judge by: the defaults shipped in warden/health/thresholds.json
 * (resources module), with the user's own values on top. Immutable; {@link #with} returns a copy.
 */
public final class HealthThresholds {
    static final String DEFAULTS = "warden/health/thresholds.json";
    private static volatile HealthThresholds defaults;
    private final Map<String, Threshold> byKey;

    private HealthThresholds(Map<String, Threshold> byKey) {
        this.byKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    public static HealthThresholds defaults() {
        HealthThresholds d = defaults;
        if (d == null) {
            try (InputStream in = HealthThresholds.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULTS + " is missing from the classpath (warden-resources)");
                }
                JsonNode root = new ObjectMapper().readTree(in);
                Map<String, Threshold> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().startsWith("_")) {
                        continue;
                    }
                    JsonNode n = e.getValue();
                    map.put(e.getKey(), new Threshold(e.getKey(), n.path("label").asText(e.getKey()), n.path("unit").asText(""),
                            Threshold.Direction.valueOf(n.path("direction").asText("above").toUpperCase(Locale.ROOT)),
                            n.path("warning").asDouble(),
                            n.path("critical").isNumber() ? n.path("critical").asDouble() : null));
                }
                d = new HealthThresholds(map);
                defaults = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return d;
    }

    public Threshold get(String key) {
        Threshold t = byKey.get(key);
        if (t == null) {
            throw new WardenException("There is no health threshold called '" + key + "'.",
                    "known: " + String.join(", ", byKey.keySet()));
        }
        return t;
    }

    public Collection<Threshold> all() {
        return byKey.values();
    }

    public HealthThresholds with(String key, double warning, Double critical) {
        Map<String, Threshold> copy = new LinkedHashMap<>(byKey);
        copy.put(key, get(key).with(warning, critical));
        return new HealthThresholds(copy);
    }

    /** Parses "key=warning" or "key=warning,critical" (critical may be "none"). */
    public HealthThresholds with(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new WardenException("Cannot read threshold '" + assignment + "'.",
                    "write key=warning or key=warning,critical, e.g. long_running_s=30,120");
        }
        String key = assignment.substring(0, eq).trim();
        Threshold current = get(key);
        String[] parts = assignment.substring(eq + 1).split(",");
        try {
            double warning = Double.parseDouble(parts[0].trim());
            Double critical = current.critical();
            if (parts.length > 1) {
                String c = parts[1].trim();
                critical = c.equalsIgnoreCase("none") || c.isEmpty() ? null : Double.valueOf(c);
            }
            return with(key, warning, critical);
        } catch (NumberFormatException e) {
            throw new WardenException("Threshold '" + assignment + "' is not a number.",
                    "write key=warning or key=warning,critical with plain numbers (ratios as 0.99)");
        }
    }

    /** Keys whose values differ from the shipped defaults. */
    public Map<String, Threshold> changedFromDefaults() {
        Map<String, Threshold> changed = new LinkedHashMap<>();
        HealthThresholds d = defaults();
        for (Threshold t : byKey.values()) {
            Threshold base = d.byKey.get(t.key());
            if (base == null || base.warning() != t.warning() || !java.util.Objects.equals(base.critical(), t.critical())) {
                changed.put(t.key(), t);
            }
        }
        return changed;
    }

    Map<String, Threshold> map() {
        return byKey;
    }
}
