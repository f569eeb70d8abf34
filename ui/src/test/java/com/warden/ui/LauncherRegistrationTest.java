package com.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.cli.DesktopLauncher;
import org.junit.jupiter.api.Test;

class LauncherRegistrationTest {

    @Test
    void theCommandLineFindsTheDesktopThroughServiceLoader() {
        assertThat(DesktopLauncher.find()).get().isInstanceOf(WardenDesktop.class);
    }
}
