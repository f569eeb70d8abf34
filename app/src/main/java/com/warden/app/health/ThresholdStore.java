package com.warden.app.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warden.app.WardenException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's own limits, in {@code <config>/health-thresholds.json}: only what differs from the
 * defaults is written, as {@code {"key": {"warning": w, "critical": c}}}. Saved to a temporary
 * file and moved into place, so a crash never leaves half a file.
 */
public final class ThresholdStore {
    private static final Logger LOG = LoggerFactory.getLogger(ThresholdStore.class);
    public static final String FILE = "health-thresholds.json";
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ThresholdStore(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public synchronized HealthThresholds load() {
        HealthThresholds t = HealthThresholds.defaults();
        if (!Files.isRegularFile(file)) {
            return t;
        }
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new WardenException("Health thresholds in " + file + " cannot be read: " + firstLine(e.getMessage()),
                    "fix the file or delete it to go back to the defaults", e);
        }
        if (root == null || !root.isObject()) {
            throw new WardenException("Health thresholds in " + file + " are not a JSON object.",
                    "fix the file or delete it to go back to the defaults");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!t.map().containsKey(e.getKey())) {
                LOG.warn("Ignoring unknown health threshold '{}' in {}", e.getKey(), file);
                continue;
            }
            Threshold base = t.get(e.getKey());
            JsonNode n = e.getValue();
            double warning = n.path("warning").isNumber() ? n.path("warning").asDouble() : base.warning();
            Double critical = n.has("critical") ? (n.get("critical").isNumber() ? n.get("critical").asDouble() : null)
                    : base.critical();
            try {
                t = t.with(e.getKey(), warning, critical);
            } catch (WardenException bad) {
                throw new WardenException(bad.getMessage() + " (in " + file + ")", "fix the value or delete the key", bad);
            }
        }
        return t;
    }

    public synchronized void save(HealthThresholds thresholds) {
        ObjectNode root = json.createObjectNode();
        for (Threshold t : thresholds.changedFromDefaults().values()) {
            ObjectNode n = root.putObject(t.key());
            n.put("warning", t.warning());
            if (t.critical() == null) {
                n.putNull("critical");
            } else {
                n.put("critical", t.critical());
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "health-thresholds", ".tmp");
            json.writeValue(temp.toFile(), root);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new WardenException("Cannot save health thresholds to " + file + ": " + e.getMessage(),
                    "check that the folder is writable and the disk is not full", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
