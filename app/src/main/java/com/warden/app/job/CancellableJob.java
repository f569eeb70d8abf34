package com.warden.app.job;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link JobContext} that can be cancelled from another thread. Progress goes to a listener
 * that the caller throttles or forwards as it likes.
 */
public final class CancellableJob implements JobContext {

    /** One progress report. */
    public record Progress(long done, long total, String message) {
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        }
    }

    private final Consumer<Progress> listener;
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public CancellableJob(Consumer<Progress> listener) {
        this.listener = listener;
    }

    @Override
    public void progress(long done, long total, String message) {
        listener.accept(new Progress(done, total, message));
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelled) {
            action.run();
        }
    }

    public void cancel() {
        cancelled = true;
        for (Runnable action : cancelActions) {
            try {
                action.run();
            } catch (RuntimeException ignored) {
                // best effort: the job also polls isCancelled()
            }
        }
    }
}
