package com.warden.ui.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.warden.app.WardenException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link DesktopSettings} as desktop.json in the config folder. A save writes a
 * temporary file beside it and moves it into place, so a crash never leaves half a file; a file
 * that cannot be read gives the defaults (and a log line), never a failed start.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("desktop.json");
    }

    public Path file() {
        return file;
    }

    public synchronized DesktopSettings load() {
        if (!Files.isRegularFile(file)) {
            return DesktopSettings.defaults();
        }
        try {
            DesktopSettings settings = json.readValue(file.toFile(), DesktopSettings.class);
            return settings == null ? DesktopSettings.defaults() : settings;
        } catch (IOException e) {
            LOG.warn("Settings in {} cannot be read ({}); using the defaults", file, e.getMessage());
            return DesktopSettings.defaults();
        }
    }

    public synchronized void save(DesktopSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "desktop", ".tmp");
            try {
                json.writeValue(temp.toFile(), settings);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new WardenException("Cannot save the desktop settings to " + file + ": " + e.getMessage(),
                    "check that the folder is writable and the disk is not full", e);
        }
    }
}
