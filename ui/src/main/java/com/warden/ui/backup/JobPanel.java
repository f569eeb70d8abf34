package com.warden.ui.backup;

import com.warden.app.WardenException;
import com.warden.app.job.Job;
import com.warden.app.job.JobContext;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.JobHandle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one long piece of work the backup screen runs at a time (a backup, a restore, a recovery,
 * a drill): its title, progress, latest message, and Cancel, which stops the PostgreSQL program
 * and lets the engine remove what it wrote. Progress reaches the FX thread at most ten times a second.
 */
public final class JobPanel {
    private static final long EVERY_NANOS = 100_000_000L;

    private final BackgroundJobs jobs;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private JobHandle handle = JobHandle.NONE;
    private int generation;
    private volatile java.util.concurrent.CountDownLatch working = new java.util.concurrent.CountDownLatch(0);
    private volatile com.warden.app.job.CancellableJob context;

    public JobPanel(BackgroundJobs jobs, Executor fx) {
        this.jobs = jobs;
        this.fx = fx;
    }

    /** Starts {@code job} unless one runs already; the handlers run on the FX thread. */
    public <T> boolean start(String what, Job<T> job, Consumer<T> onDone, Consumer<Throwable> onFail) {
        if (running.get()) {
            result.set("Wait for \"" + title.get() + "\" to finish, or cancel it.");
            failed.set(true);
            return false;
        }
        int mine = ++generation;
        running.set(true);
        failed.set(false);
        title.set(what);
        message.set(what + "…");
        progress.set(-1);
        result.set("");
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        working = latch;
        handle = jobs.run(what, ctx -> {
            if (ctx instanceof com.warden.app.job.CancellableJob cancellable) {
                context = cancellable;
            }
            try {
                return job.run(forward(ctx, mine));
            } finally {
                latch.countDown();
            }
        }, value -> {
            if (mine != generation) {
                return;
            }
            running.set(false);
            progress.set(1);
            onDone.accept(value);
        }, problem -> {
            if (mine != generation) {
                return;
            }
            running.set(false);
            failed.set(true);
            result.set(line(problem));
            onFail.accept(problem);
        });
        return true;
    }

    /** Stops the running job: the program is stopped and its partial output removed by the engine. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        generation++;
        handle.cancel();
        running.set(false);
        failed.set(true);
        progress.set(0);
        result.set("Cancelled: " + title.get() + ". Nothing it wrote was kept.");
    }

    /**
     * Warden is exiting: cancel the running job and give it a few seconds to stop its program and
     * remove what it wrote (any thread).
     */
    public void cancelAndWait(java.time.Duration limit) {
        if (working.getCount() == 0) {
            return;
        }
        com.warden.app.job.CancellableJob c = context;
        if (c != null) {
            c.cancel();   // stops the program directly: the FX toolkit may already be gone
        }
        try {
            working.await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reports a result line from outside (a finished backup's summary). */
    public void finish(String line, boolean ok) {
        failed.set(!ok);
        result.set(line);
    }

    private JobContext forward(JobContext ctx, int mine) {
        return new JobContext() {
            private volatile long last;

            @Override
            public void progress(long done, long total, String text) {
                ctx.progress(done, total, text);
                long now = System.nanoTime();
                boolean end = total > 0 && done >= total;
                if (!end && now - last < EVERY_NANOS) {
                    return;
                }
                last = now;
                double fraction = total > 0 && done >= 0 ? Math.min(1.0, (double) done / total) : -1;
                fx.execute(() -> {
                    if (mine == generation && running.get()) {
                        progress.set(fraction);
                        if (text != null && !text.isBlank()) {
                            message.set(text);
                        }
                    }
                });
            }

            @Override
            public boolean isCancelled() {
                return ctx.isCancelled();
            }

            @Override
            public void onCancel(Runnable action) {
                ctx.onCancel(action);
            }
        };
    }

    static String line(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause()) {
            if (t instanceof WardenException w) {
                return w.line();
            }
        }
        return problem.getClass().getSimpleName() + ": " + problem.getMessage();
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
}
