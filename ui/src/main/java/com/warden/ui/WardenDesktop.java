package com.warden.ui;

import com.warden.app.WardenException;
import com.warden.app.cli.DesktopLauncher;
import com.warden.app.connect.ConnectionProfile;
import com.warden.ui.shell.Composition;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop as the command line sees it (found through ServiceLoader). Starts the JavaFX
 * toolkit from the calling thread (picocli's main thread) without an Application subclass, shows
 * the main window, and blocks until it closes; then closes the pool and stops the toolkit.
 */
public final class WardenDesktop implements DesktopLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(WardenDesktop.class);

    @Override
    public void open(ConnectionProfile profile, String note) {
        Composition composition = Composition.standard();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable show = () -> {
            try {
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                composition.openMainWindow(stage, profile, note);
            } catch (RuntimeException | Error e) {
                failure.set(e);
                closed.countDown();
            }
        };
        Platform.setImplicitExit(false);
        try {
            Platform.startup(show);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(show);
        } catch (UnsupportedOperationException | UnsatisfiedLinkError noDisplay) {
            composition.shutdown();
            throw new WardenException("Cannot open a window: " + noDisplay.getMessage() + ".",
                    "run it in a desktop session (DISPLAY or WAYLAND_DISPLAY set); the command line works without one",
                    noDisplay);
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            composition.shutdown();
            Platform.exit();
        }
        Throwable problem = failure.get();
        if (problem != null) {
            LOG.error("The main window could not open", problem);
            throw new WardenException("The main window could not open: " + problem, "see the log for details", problem);
        }
    }
}
