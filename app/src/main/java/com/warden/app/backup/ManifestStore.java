package com.warden.app.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.warden.app.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes manifests and reports as JSON; writes go to a temp file that is moved into place. */
public final class ManifestStore {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestStore() { }

    public static void write(Path folder, BackupManifest manifest) {
        writeJson(folder.resolve(BackupManifest.FILE_NAME), manifest);
    }

    public static BackupManifest read(Path folder) {
        return readJson(folder.resolve(BackupManifest.FILE_NAME), BackupManifest.class);
    }

    public static void writeJson(Path file, Object value) {
        try {
            FileTree.writeAtomically(file, MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new WardenException("Cannot write " + file + ": " + e.getMessage(), null, e);
        }
    }

    public static <T> T readJson(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw new WardenException("Cannot read " + file + ": " + firstLine(e.getMessage()),
                    "the file is damaged or not a Warden file", e);
        }
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
