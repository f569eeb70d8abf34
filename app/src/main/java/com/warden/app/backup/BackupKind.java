package com.warden.app.backup;

/** Logical (pg_dump: one database, portable across versions) or physical (pg_basebackup: the whole server, for PITR). */
public enum BackupKind {
    LOGICAL,
    PHYSICAL;

    public static BackupKind parse(String text) {
        for (BackupKind k : values()) {
            if (k.name().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new com.warden.app.WardenException("Unknown backup kind '" + text + "'.", "use logical or physical");
    }
}
