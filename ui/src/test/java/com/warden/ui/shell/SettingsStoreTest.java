package com.warden.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path config;

    @Test
    void defaultsToLightUntilSavedThenRemembers() throws Exception {
        SettingsStore store = new SettingsStore(config);
        assertThat(store.load().dark()).isFalse();

        store.save(DesktopSettings.defaults().withDark(true));

        assertThat(new SettingsStore(config).load().dark()).isTrue();
        assertThat(Files.readString(store.file())).contains("\"theme\" : \"dark\"");
        try (Stream<Path> files = Files.list(config)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("desktop.json");
        }
    }

    @Test
    void anUnreadableFileGivesTheDefaultsInsteadOfAFailedStart() throws Exception {
        SettingsStore store = new SettingsStore(config);
        Files.writeString(store.file(), "{ not json");
        assertThat(store.load()).isEqualTo(DesktopSettings.defaults());
    }
}
