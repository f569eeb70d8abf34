package com.warden.app.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Warden writes beside every backup (warden-manifest.json): where it came from, when, the
 * WAL positions it spans, its size, the SHA-256 of every file, and the row count of every table
 * at backup time. A backup folder without a manifest is not a finished backup.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupManifest(
        int manifestVersion,
        String id,
        String label,
        BackupKind kind,
        BackupFormat format,
        Integer compression,
        int jobs,
        String payload,
        Source source,
        ToolUsed tool,
        String command,
        Instant startedAt,
        Instant finishedAt,
        String startLsn,
        String endLsn,
        Integer timeline,
        String startWalFile,
        long databaseBytes,
        long backupBytes,
        Selection selection,
        List<FileTree.Entry> files,
        String countsDatabase,
        String countsLsn,
        List<TableCount> tables,
        Verification verification) {

    public static final String FILE_NAME = "warden-manifest.json";
    public static final int VERSION = 1;

    /** The server the backup was taken from (no password, ever). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String uri, String host, int port, String database, String user, String serverVersion,
                         int serverVersionNum, String systemIdentifier, boolean inRecovery) {
        @JsonIgnore
        public int major() {
            return serverVersionNum / 10000;
        }
    }

    public record ToolUsed(String name, String path, String version) { }

    /** pg_dump's -n, -N, -t, -T patterns; empty lists for a whole database. */
    public record Selection(List<String> schemas, List<String> excludeSchemas, List<String> tables, List<String> excludeTables) {
        public static final Selection ALL = new Selection(List.of(), List.of(), List.of(), List.of());

        public Selection {
            schemas = schemas == null ? List.of() : List.copyOf(schemas);
            excludeSchemas = excludeSchemas == null ? List.of() : List.copyOf(excludeSchemas);
            tables = tables == null ? List.of() : List.copyOf(tables);
            excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        }

        @JsonIgnore
        public boolean isAll() {
            return schemas.isEmpty() && excludeSchemas.isEmpty() && tables.isEmpty() && excludeTables.isEmpty();
        }
    }

    public record TableCount(String schema, String table, long rows) {
        @JsonIgnore
        public TableName name() {
            return new TableName(schema, table);
        }
    }

    /** The last verification: how, when, and what it found. */
    public record Verification(boolean ok, String method, String detail, Instant at) { }

    @JsonIgnore
    public Duration duration() {
        return startedAt == null || finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
    }

    @JsonIgnore
    public long totalRows() {
        return tables == null ? 0 : tables.stream().mapToLong(TableCount::rows).sum();
    }

    /** Table name to row count, sorted. */
    @JsonIgnore
    public Map<TableName, Long> counts() {
        Map<TableName, Long> m = new TreeMap<>();
        if (tables != null) {
            tables.forEach(t -> m.put(t.name(), t.rows()));
        }
        return m;
    }

    public BackupManifest withVerification(Verification v) {
        return new BackupManifest(manifestVersion, id, label, kind, format, compression, jobs, payload, source, tool, command,
                startedAt, finishedAt, startLsn, endLsn, timeline, startWalFile, databaseBytes, backupBytes, selection,
                files, countsDatabase, countsLsn, tables, v);
    }

    /** One line for lists: "logical custom of warden_demo on localhost:5432, 12 MB". */
    @JsonIgnore
    public String summary() {
        return kind.name().toLowerCase() + " " + format + " of " + (source == null ? "?" : source.database() + " on "
                + source.host() + ":" + source.port()) + ", " + Bytes.human(backupBytes);
    }
}
