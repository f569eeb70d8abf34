package com.warden.app.job;

/**
 * What a running job may tell its caller and ask of it. Implementations are thread-safe;
 * the UI adapts this to a JavaFX Task, the CLI to a progress line, tests to nothing.
 */
public interface JobContext {

    /** Work done out of total (total <= 0 when unknown) and a short message. */
    void progress(long done, long total, String message);

    boolean isCancelled();

    /**
     * Registers what stops the blocking call in progress (Statement.cancel, Process.destroy):
     * an interrupt alone does not wake a JDBC call blocked on its socket.
     */
    void onCancel(Runnable action);

    /** Throws {@link JobCancelledException} when the job was cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }

    /** A context that reports nowhere and is never cancelled. */
    static JobContext none() {
        return new JobContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public boolean isCancelled() { return false; }
            @Override public void onCancel(Runnable action) { }
        };
    }
}
