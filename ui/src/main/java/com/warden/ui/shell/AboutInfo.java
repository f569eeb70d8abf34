package com.warden.ui.shell;

import com.warden.app.cli.VersionProvider;

/** What Help → About says. */
public record AboutInfo(String wardenVersion, String javaVersion, String javaVendor, String javafxVersion) {

    public static AboutInfo current() {
        return new AboutInfo(VersionProvider.version(),
                System.getProperty("java.version", "unknown"),
                System.getProperty("java.vendor", "unknown"),
                System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "unknown")));
    }

    public String headline() {
        return "Warden " + wardenVersion;
    }

    public String body() {
        return "A desktop console for PostgreSQL project databases.\n\n"
                + "Java " + javaVersion + " (" + javaVendor + ")\n"
                + "JavaFX " + javafxVersion;
    }
}
