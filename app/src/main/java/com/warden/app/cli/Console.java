package com.warden.app.cli;

import com.warden.app.job.JobContext;
import java.io.PrintStream;

/** The one place that writes to the terminal. */
final class Console {
    private Console() { }

    static PrintStream out() {
        return System.out;
    }

    static PrintStream err() {
        return System.err;
    }

    /** Progress on stderr, at most a few lines a second, so stdout stays clean for --json. */
    static JobContext progress(boolean quiet) {
        return new JobContext() {
            private long lastPrinted;

            @Override
            public synchronized void progress(long done, long total, String message) {
                long now = System.nanoTime();
                if (quiet || now - lastPrinted < 500_000_000L && done < total) {
                    return;
                }
                lastPrinted = now;
                err().println(total > 0 ? String.format("[%3d%%] %s", done * 100 / total, message) : message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void onCancel(Runnable action) {
                // Ctrl+C ends the JVM; the seed's single transaction then rolls back on the server
            }
        };
    }
}
