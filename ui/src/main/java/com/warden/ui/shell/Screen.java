package com.warden.ui.shell;

/**
 * One entry of the navigation: what it is called, whether it needs a project database, what it
 * does (shown while it cannot run), and how to build its view for a connected database.
 *
 * <p>A real screen is one class in its own package ({@code com.warden.ui.health.HealthScreen})
 * that builds its view-model from the {@link ScreenContext}, loads its FXML with a controller
 * wired to that view-model, and is listed in {@link ScreenRegistry#standard()} in place of its
 * placeholder. The shell calls {@link #create} only when a database is connected and, for
 * {@link #needsProject()} screens, only when it is a project database; otherwise it shows
 * {@link #summary()} with what is missing.
 */
public interface Screen {

    /** Stable, lower-case, unique: used for node ids ({@code screen-<id>}) and settings. */
    String id();

    /** The navigation label. */
    String title();

    /** True when the screen reads schema {@code core} (sessions, files, impact, integrity). */
    boolean needsProject();

    /** One paragraph saying what the screen does: shown before it can run. */
    String summary();

    /**
     * Builds the view for one connection, on the FX thread. Must not touch the database here:
     * start loading through {@code context.jobs()} (in the view-model) and return at once.
     * Called at most once per connection; {@link ScreenView#dispose()} ends it.
     */
    ScreenView create(ScreenContext context);
}
