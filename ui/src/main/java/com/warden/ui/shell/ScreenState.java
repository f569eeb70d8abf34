package com.warden.ui.shell;

/**
 * What the content area shows for the selected screen: the screen itself, or a panel that says
 * why not yet. {@code line} is the sentence for the panel (error, ProjectStatus line…);
 * {@code details} what "copy details" copies after a failure (empty otherwise).
 */
public record ScreenState(Screen screen, Kind kind, String line, String details) {

    public ScreenState(Screen screen, Kind kind, String line) {
        this(screen, kind, line, "");
    }

    public enum Kind {
        NOT_CONNECTED,
        CONNECTING,
        FAILED,
        /** A project screen on a database without (a usable) schema core. */
        NEEDS_PROJECT,
        READY
    }
}
