package com.warden.app.schema;

/**
 * Is this a project database? The answer in one line, and what the project screens may do.
 */
public record ProjectStatus(Kind kind, String schemaVersion, int pendingMigrations, String line) {

    public enum Kind {
        /** No schema `core`: the DBA screens work, the project screens explain what is missing. */
        NOT_A_PROJECT,
        /** `core` exists but Warden's migrations never ran on it. */
        UNMANAGED_CORE,
        /** Migrations are pending: the project screens may miss columns. */
        PENDING,
        /** Migrated to the version this Warden knows. */
        CURRENT,
        /** Migrated by a newer Warden. */
        NEWER
    }

    public boolean isProject() {
        return kind == Kind.CURRENT || kind == Kind.PENDING || kind == Kind.NEWER;
    }
}
