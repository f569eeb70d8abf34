package com.warden.app.backup;

import com.warden.app.job.JobContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A source server for PITR tests: the system's PostgreSQL 15 in a temp folder with
 * archive_mode = on, an archive_command copying into {@link #archive()}, and commit timestamps
 * tracked, so a test knows the exact commit time of every row.
 */
final class ArchivingSource implements AutoCloseable {
    final ScratchInstance server;
    final Path archive;

    private ArchivingSource(ScratchInstance server, Path archive) {
        this.server = server;
        this.archive = archive;
    }

    static ArchivingSource start() throws Exception {
        Path archive = Files.createTempDirectory("warden-test-archive-");
        String dir = archive.toString();
        ScratchInstance server = ScratchInstance.create(BackupFixtures.tools(), 15, null, JobContext.none(), List.of(
                "archive_mode = on",
                "archive_command = 'test ! -f \"" + dir + "/%f\" && cp \"%p\" \"" + dir + "/%f\"'",
                "track_commit_timestamp = on",
                "wal_level = replica",
                "max_wal_senders = 4"));
        return new ArchivingSource(server, archive);
    }

    Path archive() {
        return archive;
    }

    Connection connect() throws SQLException {
        return server.connect("postgres");
    }

    /** Switches to a new WAL segment and waits until the finished one is in the archive. */
    void switchAndWaitArchived() throws Exception {
        String segment;
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
            rs.next();
            segment = rs.getString(1);
        }
        for (int i = 0; i < 200 && !Files.exists(archive.resolve(segment)); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(archive.resolve(segment))) {
            throw new IllegalStateException("segment " + segment + " was not archived");
        }
    }

    @Override
    public void close() {
        server.close();
        FileTree.deleteQuietly(archive);
    }
}
