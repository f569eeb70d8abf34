package com.warden.app.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One thing a check found wrong, pinned to one row: which check, how bad, where (table and row
 * id, plus the app and file path when there is one) and what was expected against what was found.
 * Expected is what the database records or promises; found is what Warden measured.
 *
 * @param check    the check group that found it (e.g. {@code versions}, {@code images})
 * @param code     what exactly is wrong, stable across runs (e.g. {@code version-digest})
 * @param table    schema-qualified table, or the index / constraint's table
 * @param rowId    the row's key (uuid, "a/b" for composite keys, or an index / constraint name)
 * @param app      the app's name, when the row belongs to one
 * @param path     the file's path, when the row is about a file
 * @param fileId   the file's id, so a screen can open its history
 * @param title    one line a person reads first
 * @param detail   what it means or what to do; may be empty
 * @param seenBy   how it was seen: "server", "client", or both; empty for metadata checks
 */
public record Finding(
        String check,
        String code,
        Severity severity,
        String table,
        String rowId,
        String app,
        String path,
        String fileId,
        String title,
        String expected,
        String found,
        String detail,
        List<String> seenBy) {

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::check)
            .thenComparing(Finding::code)
            .thenComparing(f -> f.app() == null ? "" : f.app())
            .thenComparing(f -> f.path() == null ? "" : f.path())
            .thenComparing(Finding::rowId);

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(title, "title");
        expected = expected == null ? "" : expected;
        found = found == null ? "" : found;
        detail = detail == null ? "" : detail;
        seenBy = seenBy == null ? List.of() : List.copyOf(seenBy);
    }

    /** What makes two findings the same across runs: what is wrong, and with which row. */
    @JsonIgnore
    public String key() {
        return code + "|" + table + "|" + rowId;
    }

    public Finding withSeenBy(List<String> modes) {
        return new Finding(check, code, severity, table, rowId, app, path, fileId, title, expected, found, detail, modes);
    }

    public Finding withPlace(String appName, String filePath, String file) {
        return new Finding(check, code, severity, table, rowId, appName, filePath, file, title, expected, found, detail, seenBy);
    }

    public Finding withDetail(String text) {
        return new Finding(check, code, severity, table, rowId, app, path, fileId, title, expected, found, text, seenBy);
    }

    /** Where, in one line: app and path when known, else table and row. */
    public String where() {
        if (path != null && !path.isEmpty()) {
            return (app == null || app.isEmpty() ? "" : app + ": ") + path;
        }
        return table + " " + rowId;
    }
}
