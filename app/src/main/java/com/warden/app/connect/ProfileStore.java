package com.warden.app.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.warden.app.WardenException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved connection profiles, most recent first, in the user's config folder. Written to a
 * temporary file and moved into place so a crash never leaves half a file. Passwords are
 * never written (the record's password is @JsonIgnore'd): ~/.pgpass is where they belong.
 */
public final class ProfileStore {
    private static final int MAX_RECENT = 12;
    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public ProfileStore(Path configDir) {
        this.file = configDir.resolve("connections.json");
    }

    public synchronized List<ConnectionProfile> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return json.readValue(file.toFile(), new TypeReference<List<ConnectionProfile>>() { });
        } catch (IOException e) {
            throw new WardenException("Saved connections in " + file + " cannot be read: " + e.getMessage(),
                    "fix or delete the file; Warden will start a new one", e);
        }
    }

    /** Puts the profile first (replacing one of the same name) and saves. */
    public synchronized void remember(ConnectionProfile profile) {
        List<ConnectionProfile> profiles = new ArrayList<>(load());
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(0, profile.withPassword(null));
        while (profiles.size() > MAX_RECENT) {
            profiles.remove(profiles.size() - 1);
        }
        save(profiles);
    }

    public synchronized void forget(String name) {
        List<ConnectionProfile> profiles = new ArrayList<>(load());
        if (profiles.removeIf(p -> p.name().equals(name))) {
            save(profiles);
        }
    }

    private void save(List<ConnectionProfile> profiles) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "connections", ".tmp");
            json.writeValue(temp.toFile(), profiles);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new WardenException("Cannot save connections to " + file + ": " + e.getMessage(),
                    "check that the folder is writable and the disk is not full", e);
        }
    }
}
