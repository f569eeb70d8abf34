package com.warden.app.config;

import java.nio.file.Path;
import java.util.Map;

/** Where Warden keeps its data and settings: the XDG base directories, with their defaults. */
public record AppDirs(Path data, Path config) {

    public static AppDirs fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static AppDirs from(Map<String, String> env, Path home) {
        Path data = dir(env.get("XDG_DATA_HOME"), home.resolve(".local/share")).resolve("warden");
        Path config = dir(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("warden");
        return new AppDirs(data, config);
    }

    private static Path dir(String value, Path fallback) {
        // XDG says a relative path in these variables is invalid and must be ignored.
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }

    public Path demoCluster() {
        return data.resolve("demo");
    }
}
