package com.warden.ui.common;

import com.warden.app.job.CancellableJob;
import com.warden.app.job.Job;
import java.util.concurrent.Executor;
import javafx.concurrent.Task;

/**
 * The engine's {@link Job} as a JavaFX {@link Task}: progress and message flow into the Task's
 * properties (at most every 50 ms, plus the last report), and {@link #cancel(boolean)} both
 * interrupts the thread and runs the job's cancel actions. Those actions (Statement.cancel opens a
 * connection of its own) run on {@code cancelRunner}, never on the thread that asked to cancel,
 * which is usually the FX thread.
 */
public final class JobTask<T> extends Task<T> {
    private static final long REPORT_EVERY_NANOS = 50_000_000L;

    private final Job<T> job;
    private final CancellableJob context;
    private final Executor cancelRunner;
    private volatile long lastReport;

    public JobTask(String title, Job<T> job, Executor cancelRunner) {
        this.job = job;
        this.cancelRunner = cancelRunner;
        this.context = new CancellableJob(this::report);
        updateTitle(title);
        updateMessage(title);
    }

    @Override
    protected T call() throws Exception {
        return job.run(context);
    }

    private void report(CancellableJob.Progress progress) {
        long now = System.nanoTime();
        boolean last = progress.total() > 0 && progress.done() >= progress.total();
        if (!last && now - lastReport < REPORT_EVERY_NANOS) {
            return;
        }
        lastReport = now;
        double fraction = progress.fraction();
        if (fraction < 0) {
            updateProgress(-1, -1);
        } else {
            updateProgress(progress.done(), progress.total());
        }
        if (progress.message() != null && !progress.message().isBlank()) {
            updateMessage(progress.message());
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            cancelRunner.execute(context::cancel);
        }
        return cancelled;
    }
}
