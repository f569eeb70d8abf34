package com.warden.ui.backup;

import com.warden.app.backup.ScratchInstance;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scratch instances the desktop started and did not remove yet (a recovery waiting for
 * "open", "keep" or "discard"). It outlives a screen's view: opening an instance in Warden
 * reconnects the window, which rebuilds every screen. Instances not kept are removed when
 * Warden exits (by their own shutdown hook).
 */
public final class ScratchRegistry {
    private final Executor fx;
    private final Map<String, ScratchInstance> instances = new ConcurrentHashMap<>();
    private final Map<String, String> databases = new ConcurrentHashMap<>();
    private final ObservableList<Rows.ScratchRow> rows = FXCollections.observableArrayList();

    public ScratchRegistry(Executor fx) {
        this.fx = fx;
    }

    /** On the FX thread. */
    void add(ScratchInstance instance, String database) {
        String id = instance.folder().getFileName().toString();
        instances.put(id, instance);
        databases.put(id, database);
        instance.addListener(state -> fx.execute(() -> refresh(id)));
        refresh(id);
    }

    ScratchInstance instance(String id) {
        return instances.get(id);
    }

    String database(String id) {
        return databases.getOrDefault(id, "postgres");
    }

    void keep(String id) {
        ScratchInstance s = instances.get(id);
        if (s != null) {
            s.keep();
            refresh(id);
        }
    }

    /** Off the FX thread: stops the server and removes its folder. */
    void discard(String id) {
        ScratchInstance s = instances.remove(id);
        if (s != null) {
            s.discard();
        }
        fx.execute(() -> rows.removeIf(r -> r.id().equals(id)));
    }

    private void refresh(String id) {
        ScratchInstance s = instances.get(id);
        rows.removeIf(r -> r.id().equals(id));
        if (s == null || s.state() == ScratchInstance.State.GONE) {
            instances.remove(id);
            return;
        }
        rows.add(new Rows.ScratchRow(id, s.url(database(id)), s.state().name().toLowerCase() + (s.kept() ? ", kept" : ""),
                s.folder().toString(), s.stopCommand(), s.kept()));
    }

    public ObservableList<Rows.ScratchRow> rows() {
        return rows;
    }
}
