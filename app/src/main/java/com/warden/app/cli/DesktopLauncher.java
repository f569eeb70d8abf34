package com.warden.app.cli;

import com.warden.app.connect.ConnectionProfile;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * How the command line opens the desktop without depending on JavaFX: the ui module
 * registers an implementation through META-INF/services.
 */
public interface DesktopLauncher {

    /** Opens the main window, connected to the profile when there is one; blocks until it closes. */
    void open(ConnectionProfile profile, String note);

    static Optional<DesktopLauncher> find() {
        return ServiceLoader.load(DesktopLauncher.class).findFirst();
    }
}
