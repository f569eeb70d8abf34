package com.warden.app.files;

import com.warden.app.job.Job;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * How the diff benchmark times the desktop's diff view without the engine depending on JavaFX:
 * the ui module registers an implementation through META-INF/services. It runs the load the
 * way the screen does (off the UI thread), puts the result into the real virtualised diff view
 * and reports when the first rows have been painted.
 */
public interface DiffViewProbe extends AutoCloseable {

    /** Starts the toolkit and the view; returns why it cannot (no display, ...), or null when ready. */
    String open();

    /** Nanoseconds from the start of {@code load} until the view has painted its first rows of the result. */
    long firstRowsNanos(Job<FileDiff> load) throws Exception;

    @Override
    void close();

    static Optional<DiffViewProbe> find() {
        return ServiceLoader.load(DiffViewProbe.class).findFirst();
    }
}
