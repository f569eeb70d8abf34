package com.warden.app.backup;

import com.warden.app.WardenException;

/**
 * How the backup is written. Logical backups use all four of pg_dump's formats; physical ones
 * use PLAIN (a data folder) or TAR (base.tar and pg_wal.tar, gzip when compressed).
 */
public enum BackupFormat {
    CUSTOM("c", "custom: one compressed file, selective and parallel restore"),
    DIRECTORY("d", "directory: one file per table, parallel dump and restore"),
    TAR("t", "tar: one uncompressed tar file"),
    PLAIN("p", "plain: an SQL script for psql");

    private final String flag;
    private final String description;

    BackupFormat(String flag, String description) {
        this.flag = flag;
        this.description = description;
    }

    public String flag() {
        return flag;
    }

    public String description() {
        return description;
    }

    /** pg_restore reads custom, directory and tar dumps; a plain script is replayed by psql. */
    public boolean restorableByPgRestore() {
        return this != PLAIN;
    }

    /** The name of what pg_dump or pg_basebackup writes inside the backup's folder. */
    public String payloadName(BackupKind kind, Integer compression) {
        if (kind == BackupKind.PHYSICAL) {
            return this == TAR ? "base-tar" : "base";
        }
        return switch (this) {
            case CUSTOM -> "dump.pgdump";
            case DIRECTORY -> "dump";
            case TAR -> "dump.tar";
            case PLAIN -> compression != null && compression > 0 ? "dump.sql.gz" : "dump.sql";
        };
    }

    public static BackupFormat parse(String text) {
        for (BackupFormat f : values()) {
            if (f.name().equalsIgnoreCase(text.trim()) || f.flag.equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new WardenException("Unknown format '" + text + "'.", "use custom, directory, tar or plain");
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
