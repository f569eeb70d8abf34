package com.warden.ui.backup;

import com.warden.ui.common.ControllerFactory;
import com.warden.ui.common.FxBackgroundJobs;
import com.warden.ui.common.Fxml;
import com.warden.ui.shell.PlaceholderScreen;
import com.warden.ui.shell.Screen;
import com.warden.ui.shell.ScreenContext;
import com.warden.ui.shell.ScreenView;
import javafx.application.Platform;
import javafx.scene.Parent;

/**
 * Backups &amp; Drills: guided backups, restores and point-in-time recovery (ControlsFX wizards
 * over typed view-models), the catalogue, WAL archiving, restore drills and scratch instances.
 * Long work (a backup, a drill) runs on its own thread, so the other screens stay responsive;
 * scratch instances outlive the view, as opening one in Warden rebuilds every screen.
 */
public final class BackupsScreen implements Screen {
    private final BackupsServices services;
    private FxBackgroundJobs longJobs;
    private ScratchRegistry scratches;
    private volatile BackupsViewModel current;

    public BackupsScreen() {
        this(BackupsServices.system());
    }

    public BackupsScreen(BackupsServices services) {
        this.services = services;
    }

    @Override
    public String id() {
        return PlaceholderScreen.BACKUPS.id();
    }

    @Override
    public String title() {
        return PlaceholderScreen.BACKUPS.title();
    }

    @Override
    public boolean needsProject() {
        return false;
    }

    @Override
    public String summary() {
        return PlaceholderScreen.BACKUPS.summary();
    }

    @Override
    public ScreenView create(ScreenContext context) {
        if (longJobs == null) {
            longJobs = new FxBackgroundJobs("warden-backup", 1);
            scratches = new ScratchRegistry(Platform::runLater);
            // closing Warden during a backup stops pg_dump and removes its partial output first
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                BackupsViewModel vm = current;
                if (vm != null) {
                    vm.job().cancelAndWait(java.time.Duration.ofSeconds(10));
                }
            }, "warden-backup-exit"));
        }
        BackupsViewModel vm = new BackupsViewModel(context, services, longJobs, Platform::runLater, scratches);
        current = vm;
        Parent view = Fxml.load(BackupsScreen.class, "backups.fxml",
                ControllerFactory.of(BackupsController.class, () -> new BackupsController(vm)));
        view.getStylesheets().add(BackupsScreen.class.getResource("backup.css").toExternalForm());
        view.setId("screen-" + id());
        vm.load();
        return ScreenView.of(view, vm::load, vm::dispose);
    }
}
