package com.warden.ui.common;

import com.warden.app.WardenException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person sees of a failure: one line (the {@link WardenException#line()} when the engine
 * explained it) and, behind "copy details", the stack trace. Built once where the error is handled,
 * which is also where it is logged.
 */
public record ErrorReport(String line, String details) {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReport.class);

    /** The one line and the details of an error, without logging it. */
    public static ErrorReport of(Throwable error) {
        WardenException explained = find(error);
        String line;
        if (explained != null) {
            line = explained.line();
        } else {
            Throwable root = unwrap(error);
            String message = root.getMessage();
            line = "Unexpected error: " + root.getClass().getSimpleName()
                    + (message == null || message.isBlank() ? "" : ": " + firstLine(message))
                    + " — copy the details and report it";
        }
        return new ErrorReport(line, stackTrace(error));
    }

    /** {@link #of(Throwable)}, logged once: explained failures quietly (to the file), others loudly. */
    public static ErrorReport handled(String where, Throwable error) {
        ErrorReport report = of(error);
        if (find(error) != null) {
            LOG.info("{}: {}", where, report.line(), error);
        } else {
            LOG.error("{}: {}", where, report.line(), error);
        }
        return report;
    }

    private static WardenException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WardenException w) {
                return w;
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String text) {
        String s = text.strip();
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
