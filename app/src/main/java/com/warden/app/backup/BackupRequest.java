package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.backup.BackupManifest.Selection;
import java.nio.file.Path;

/**
 * What the backup wizard (or {@code warden backup}) asks for.
 *
 * @param compression 0-9, or null for the tool's default (custom and directory: gzip 6; tar: none)
 * @param jobs        parallel jobs; more than one needs the directory format (pg_dump -j)
 * @param catalog     the catalogue folder; the backup goes into a new folder inside it
 * @param label       an optional name that becomes part of the backup's id
 */
public record BackupRequest(BackupKind kind, BackupFormat format, Integer compression, int jobs,
                            Selection selection, Path catalog, String label, boolean verify) {

    public BackupRequest {
        if (kind == null) {
            kind = BackupKind.LOGICAL;
        }
        if (format == null) {
            format = kind == BackupKind.LOGICAL ? BackupFormat.CUSTOM : BackupFormat.PLAIN;
        }
        selection = selection == null ? Selection.ALL : selection;
        jobs = Math.max(1, jobs);
        if (catalog == null) {
            throw new WardenException("No destination folder.", "choose the catalogue folder the backup goes into");
        }
        if (compression != null && (compression < 0 || compression > 9)) {
            throw new WardenException("Compression " + compression + " is out of range.", "use 0 (none) to 9 (smallest)");
        }
        if (kind == BackupKind.LOGICAL && jobs > 1 && format != BackupFormat.DIRECTORY) {
            throw new WardenException("Parallel jobs need the directory format.",
                    "choose the directory format, or one job (pg_dump -j works only with -Fd)");
        }
        if (kind == BackupKind.PHYSICAL) {
            if (format != BackupFormat.PLAIN && format != BackupFormat.TAR) {
                throw new WardenException("A physical backup is written as plain (a data folder) or tar.",
                        "choose plain or tar for a base backup");
            }
            if (!selection.isAll()) {
                throw new WardenException("A physical backup copies the whole server; schemas and tables cannot be chosen.",
                        "choose a logical backup to include or leave out schemas and tables");
            }
            if (compression != null && compression > 0 && format == BackupFormat.PLAIN) {
                throw new WardenException("A plain base backup cannot be compressed.", "choose the tar format to compress it");
            }
            if (jobs > 1) {
                throw new WardenException("pg_basebackup runs one stream; parallel jobs apply to logical backups.",
                        "set jobs to 1 for a physical backup");
            }
        }
        if (format == BackupFormat.TAR && kind == BackupKind.LOGICAL && compression != null && compression > 0) {
            throw new WardenException("pg_dump's tar format cannot be compressed.", "choose custom or directory to compress");
        }
        if (label != null && !label.isBlank() && !label.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new WardenException("The label '" + label + "' has characters that do not fit in a folder name.",
                    "use letters, digits, '.', '_' and '-' (at most 60)");
        }
    }

    /** A custom-format dump of the whole database with the tool's default compression. */
    public static BackupRequest logical(Path catalog) {
        return new BackupRequest(BackupKind.LOGICAL, BackupFormat.CUSTOM, null, 1, Selection.ALL, catalog, null, true);
    }

    /** A plain base backup with the WAL streamed alongside. */
    public static BackupRequest physical(Path catalog) {
        return new BackupRequest(BackupKind.PHYSICAL, BackupFormat.PLAIN, null, 1, Selection.ALL, catalog, null, true);
    }

    public BackupRequest withFormat(BackupFormat f) {
        return new BackupRequest(kind, f, compression, jobs, selection, catalog, label, verify);
    }

    public BackupRequest withJobs(int j) {
        return new BackupRequest(kind, format, compression, j, selection, catalog, label, verify);
    }

    public BackupRequest withCompression(Integer c) {
        return new BackupRequest(kind, format, c, jobs, selection, catalog, label, verify);
    }

    public BackupRequest withSelection(Selection s) {
        return new BackupRequest(kind, format, compression, jobs, s, catalog, label, verify);
    }

    public BackupRequest withLabel(String l) {
        return new BackupRequest(kind, format, compression, jobs, selection, catalog, l, verify);
    }
}
