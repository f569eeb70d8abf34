package com.warden.app.files;

import com.warden.app.connect.ConnectionProfile;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * How the diff benchmark times the desktop's Files screen without the engine depending on JavaFX:
 * the ui module registers an implementation through META-INF/services. It opens the real screen
 * on the database, asks it to show a diff as a click would, and reports when the first rows of
 * that diff have been laid out for painting (versions and contents loaded and diffed off the FX
 * thread on the way).
 */
public interface DiffViewProbe extends AutoCloseable {

    /** Starts the toolkit and opens the screen on the database; returns why it cannot (no display, ...), or null when ready. */
    String open(ConnectionProfile profile);

    /** Nanoseconds from "show this diff" until the screen has its first rows of it on screen. */
    long firstRowsNanos(UUID fileId, int fromVersion, int toVersion) throws Exception;

    /**
     * Pages down through the diff on screen, {@code pages} times (wrapping at the end); for each page the
     * nanoseconds the layout pulse took to bring in the new rows (over 16 ms would drop a frame at 60 Hz).
     */
    long[] pageLayoutNanos(int pages) throws Exception;

    @Override
    void close();

    static Optional<DiffViewProbe> find() {
        return ServiceLoader.load(DiffViewProbe.class).findFirst();
    }
}
