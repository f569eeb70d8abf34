package com.warden.app.cli;

import com.warden.app.job.JobContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The one place that writes to the terminal. */
final class Console {
    private Console() { }

    /**
     * UTF-8 whatever the locale: under LANG=C Java would print every dash and ellipsis as '?'.
     * Wraps the current System.out, so tests that replace it still see the output.
     */
    static PrintStream out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    static PrintStream err() {
        return new PrintStream(System.err, true, StandardCharsets.UTF_8);
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
