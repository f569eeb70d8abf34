package com.warden.app.backup;

import java.nio.file.Path;

/** One program found on this machine and the version it reports for itself. */
public record FoundTool(PgTool tool, Path path, String version, int major, String source) {

    /** e.g. "pg_dump 15.18 (/usr/lib/postgresql/15/bin/pg_dump)". */
    public String describe() {
        return tool.command() + " " + version + " (" + path + ")";
    }
}
