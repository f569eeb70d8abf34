package com.warden.app.backup;

import java.util.Locale;

/**
 * The PostgreSQL programs Warden drives. Client programs of a newer major version work with an
 * older server; the WAL readers and the server programs must be of the exact major version of
 * the data they read (a base backup of 15 needs postgres 15).
 */
public enum PgTool {
    PG_DUMP("pg_dump", Fit.SAME_OR_NEWER),
    PG_RESTORE("pg_restore", Fit.SAME_OR_NEWER),
    PSQL("psql", Fit.SAME_OR_NEWER),
    PG_BASEBACKUP("pg_basebackup", Fit.SAME_OR_NEWER),
    PG_VERIFYBACKUP("pg_verifybackup", Fit.SAME),
    PG_WALDUMP("pg_waldump", Fit.SAME),
    PG_CTL("pg_ctl", Fit.SAME),
    INITDB("initdb", Fit.SAME),
    POSTGRES("postgres", Fit.SAME);

    /** Which major versions of a tool fit data of a given major version. */
    public enum Fit {
        /** exactly that major version */
        SAME,
        /** that major version or a newer one (the exact one preferred) */
        SAME_OR_NEWER
    }

    private final String command;
    private final Fit fit;

    PgTool(String command, Fit fit) {
        this.command = command;
        this.fit = fit;
    }

    public String command() {
        return command;
    }

    public Fit fit() {
        return fit;
    }

    /** The file name on this operating system (pg_dump.exe on Windows). */
    public String fileName(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows") ? command + ".exe" : command;
    }

    public boolean fits(int toolMajor, int dataMajor) {
        return fit == Fit.SAME ? toolMajor == dataMajor : toolMajor >= dataMajor;
    }

    /** Whether the tool is one of the server programs that must run unprivileged. */
    public boolean isServerProgram() {
        return this == PG_CTL || this == INITDB || this == POSTGRES;
    }

    @Override
    public String toString() {
        return command;
    }
}
