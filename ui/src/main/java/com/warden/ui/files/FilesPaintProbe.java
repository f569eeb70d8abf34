package com.warden.ui.files;

import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.files.DiffViewProbe;
import com.warden.app.files.FileDiff;
import com.warden.app.files.FileEntry;
import com.warden.app.files.FileHistory;
import com.warden.ui.common.FxBackgroundJobs;
import com.warden.ui.common.Themes;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's view of the Files screen (registered for {@link DiffViewProbe}): the real view,
 * view-model and background jobs in a window of their own; "show this diff" is the call a click
 * on a version makes, and the clock stops at the first layout pulse in which the side-by-side
 * list holds the new rows in cells on screen (the frame that is then painted).
 */
public final class FilesPaintProbe implements DiffViewProbe {
    private static final Logger LOG = LoggerFactory.getLogger(FilesPaintProbe.class);

    private Database db;
    private FxBackgroundJobs jobs;
    private FilesViewModel model;
    private DiffView view;
    private Stage stage;

    @Override
    public String open(ConnectionProfile profile) {
        Platform.setImplicitExit(false);
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        } catch (UnsupportedOperationException | UnsatisfiedLinkError noDisplay) {
            return "no display for a window (" + noDisplay.getMessage() + "); run it in a desktop session or under xvfb-run";
        }
        try {
            started.get(30, TimeUnit.SECONDS);
            db = Database.open(profile, Access.READ_ONLY);
            AtomicReference<String> failure = new AtomicReference<>();
            onFx(() -> {
                jobs = new FxBackgroundJobs("warden-db", 2);
                model = new FilesViewModel(db, jobs, (where, e) -> failure.set(where + ": " + e),
                        p -> Database.open(p, Access.READ_ONLY));
                javafx.fxml.FXMLLoader loader = FilesScreen.open(model);
                Parent root = loader.getRoot();
                view = loader.<FilesController>getController().diffView();
                Scene scene = new Scene(root, 1440, 900);
                Themes.apply(false);
                Themes.style(scene);
                stage = new Stage();
                stage.setTitle("Warden — diff paint probe");
                stage.setScene(scene);
                stage.show();
                return null;
            });
            return failure.get();
        } catch (Exception e) {
            LOG.warn("The paint probe could not open", e);
            return "the window could not open: " + e;
        }
    }

    @Override
    public long firstRowsNanos(UUID fileId, int fromVersion, int toVersion) throws Exception {
        FileEntry entry = new FileHistory(db).file(fileId);
        CompletableFuture<Long> painted = new CompletableFuture<>();
        onFx(() -> {
            FileDiff before = model.diffProperty().get();
            Scene scene = stage.getScene();
            long start = System.nanoTime();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                FileDiff now = model.diffProperty().get();
                if (now != null && now != before && !now.binary() && view.rows() == now.text().rows() && rowsInCells()) {
                    painted.complete(System.nanoTime() - start);
                    scene.removePostLayoutPulseListener(listener[0]);
                }
            };
            scene.addPostLayoutPulseListener(listener[0]);
            model.selectFile(entry, fromVersion, toVersion);
            return null;
        });
        return painted.get(60, TimeUnit.SECONDS);
    }

    @Override
    public long[] pageLayoutNanos(int pages) throws Exception {
        long[] out = new long[pages];
        CompletableFuture<long[]> done = new CompletableFuture<>();
        onFx(() -> {
            Scene scene = stage.getScene();
            int rows = view.list().getItems().size();
            int perPage = Math.max(1, (int) (view.list().getHeight() / DiffView.LINE_HEIGHT) - 1);
            int[] page = {0};
            long[] started = {0};
            Runnable[] pre = new Runnable[1];
            Runnable[] post = new Runnable[1];
            pre[0] = () -> started[0] = System.nanoTime();
            post[0] = () -> {
                if (started[0] == 0) {
                    return;
                }
                out[page[0]] = System.nanoTime() - started[0];
                started[0] = 0;
                page[0]++;
                if (page[0] == pages) {
                    scene.removePreLayoutPulseListener(pre[0]);
                    scene.removePostLayoutPulseListener(post[0]);
                    done.complete(out);
                    return;
                }
                Platform.runLater(() -> view.list().scrollTo((page[0] * perPage) % Math.max(1, rows)));
            };
            scene.addPreLayoutPulseListener(pre[0]);
            scene.addPostLayoutPulseListener(post[0]);
            view.list().scrollTo(0);
            Platform.requestNextPulse();
            return null;
        });
        return done.get(120, TimeUnit.SECONDS);
    }

    private boolean rowsInCells() {
        for (Node n : view.list().lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> cell && cell.getItem() != null && cell.isVisible()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            if (stage != null) {
                onFx(() -> {
                    stage.close();
                    model.dispose();
                    jobs.shutdown();
                    return null;
                });
            }
        } catch (Exception e) {
            LOG.debug("closing the paint probe", e);
        } finally {
            if (db != null) {
                db.close();
            }
            Platform.exit();
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
