package com.warden.app.backup;

import com.warden.app.WardenException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** How a program ended: its exit code, the last lines it wrote to stderr, and how long it ran. */
public record ToolResult(int exitCode, List<String> stderrTail, Duration elapsed) {

    public ToolResult {
        stderrTail = List.copyOf(stderrTail);
    }

    public boolean ok() {
        return exitCode == 0;
    }

    /** The line that says what went wrong: the first "error:"/FATAL line and its detail, else the last line. */
    public String errorLine() {
        for (int i = 0; i < stderrTail.size(); i++) {
            String line = stderrTail.get(i);
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.contains("error:") || lower.contains("fatal:") || lower.startsWith("fatal") || lower.contains("panic:")) {
                String text = strip(line);
                if (i + 1 < stderrTail.size() && stderrTail.get(i + 1).toLowerCase(Locale.ROOT).contains("detail:")) {
                    text += " (" + strip(stderrTail.get(i + 1)) + ")";
                }
                return text;
            }
        }
        for (int i = stderrTail.size() - 1; i >= 0; i--) {
            if (!stderrTail.get(i).isBlank()) {
                return strip(stderrTail.get(i));
            }
        }
        return "exit code " + exitCode + " and no message";
    }

    /** Throws a clear error when the program failed. */
    public ToolResult orThrow(String what, String hint) {
        if (!ok()) {
            throw new WardenException(what + " failed: " + errorLine(), hint);
        }
        return this;
    }

    private static String strip(String line) {
        // "pg_dump: error: could not ..." -> "could not ..."
        return line.replaceFirst("^[a-z_]+: (error|detail|fatal|hint|warning): ", "").replaceFirst("^(FATAL|ERROR|PANIC):\\s+", "").trim();
    }
}
