package com.warden.ui.shell;

import com.warden.app.config.AppDirs;
import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.connect.ProfileStore;
import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.FxBackgroundJobs;
import com.warden.ui.common.Fxml;
import com.warden.ui.common.NamedThreadFactory;
import com.warden.ui.common.Themes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the desktop: builds the engine's services with plain constructors, the
 * executors, the view-models, and the controller factory; then opens the main window. Nothing
 * else in the ui constructs services.
 */
public final class Composition {
    private static final Logger LOG = LoggerFactory.getLogger(Composition.class);
    private static final int DB_THREADS = 2;

    private final AppDirs dirs;
    private final FxBackgroundJobs jobs = new FxBackgroundJobs("warden-db", DB_THREADS);
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("warden-status"));
    private final ExecutorService settingsWriter = Executors.newSingleThreadExecutor(new NamedThreadFactory("warden-settings"));
    private final ProfileResolver resolver = ProfileResolver.system();
    private final ProfileStore profiles;
    private final Function<ConnectionProfile, Database> opener = profile -> Database.open(profile, Access.READ_ONLY);
    private final ShellViewModel shell;
    private ConnectDialog connectDialog;

    public Composition(AppDirs dirs, ScreenRegistry screens) {
        this.dirs = dirs;
        this.profiles = new ProfileStore(dirs.config());
        this.shell = new ShellViewModel(screens, jobs, Platform::runLater, poller, settingsWriter,
                new SettingsStore(dirs.config()), opener, dirs);
    }

    public static Composition standard() {
        return new Composition(AppDirs.fromEnvironment(), ScreenRegistry.standard());
    }

    /**
     * Shows the main window on {@code stage} (on the FX thread). With a profile it connects at
     * once; without one it opens the connect dialog.
     */
    public void openMainWindow(Stage stage, ConnectionProfile profile, String note) {
        Themes.apply(shell.darkThemeProperty().get());
        connectDialog = new ConnectDialog(() -> new ConnectDialogViewModel(resolver, profiles, jobs, opener,
                shell.currentProfile(), shell::adopt));
        ControllerFactory controllers = ControllerFactory.of(ShellController.class,
                () -> new ShellController(shell, connectDialog));
        Parent root = Fxml.load(ShellController.class, "shell.fxml", controllers);
        Scene scene = new Scene(root, 1280, 800);
        Themes.style(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(shell.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        shell.showNote(note);
        if (profile != null) {
            shell.connect(profile);
        } else {
            Platform.runLater(() -> connectDialog.show(stage));
        }
    }

    public ShellViewModel shell() {
        return shell;
    }

    public ConnectDialog connectDialog() {
        return connectDialog;
    }

    /** After the window closed (any thread but the FX thread): close the pool, stop the threads. */
    public void shutdown() {
        shell.shutdown();
        jobs.shutdown();
        poller.shutdownNow();
        settingsWriter.shutdown();
        try {
            if (!settingsWriter.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("The settings were still being written at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
