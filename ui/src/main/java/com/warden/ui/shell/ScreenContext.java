package com.warden.ui.shell;

import com.warden.app.config.AppDirs;
import com.warden.app.connect.Database;
import com.warden.app.schema.ProjectStatus;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.ErrorReport;
import java.util.function.Consumer;

/**
 * What a screen gets to build its view-model: the connected database (read-only pool), whether
 * it is a project database, where to run jobs, where to send an error it cannot handle itself
 * (the shell shows its one line with "copy details"), and Warden's folders.
 */
public record ScreenContext(
        Database database,
        ProjectStatus project,
        BackgroundJobs jobs,
        Consumer<ErrorReport> errors,
        AppDirs dirs) {

    /** Reports a failure to the shell's error banner (logs it once). */
    public void showError(String where, Throwable error) {
        errors.accept(ErrorReport.handled(where, error));
    }
}
