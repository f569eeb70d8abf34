package com.warden.ui.shell;

import com.warden.app.config.AppDirs;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.schema.ProjectStatus;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.ErrorReport;
import java.util.function.Consumer;

/**
 * What a screen gets to build its view-model: the connected database (read-only pool), whether
 * it is a project database, where to run jobs, where to send an error it cannot handle itself
 * (the shell shows its one line with "copy details"), Warden's folders, and a way to point the
 * whole window at another database (the backup screen's "open the recovered instance").
 */
public record ScreenContext(
        Database database,
        ProjectStatus project,
        BackgroundJobs jobs,
        Consumer<ErrorReport> errors,
        AppDirs dirs,
        Consumer<ConnectionProfile> connector) {

    /** A context whose screens cannot switch the connection (tests, tools). */
    public ScreenContext(Database database, ProjectStatus project, BackgroundJobs jobs, Consumer<ErrorReport> errors, AppDirs dirs) {
        this(database, project, jobs, errors, dirs, profile -> { });
    }

    /** Connects the main window to another database; every screen is rebuilt for it. */
    public void connectTo(ConnectionProfile profile) {
        connector.accept(profile);
    }

    /** Reports a failure to the shell's error banner (logs it once). */
    public void showError(String where, Throwable error) {
        errors.accept(ErrorReport.handled(where, error));
    }
}
