package com.warden.app.backup;

import com.warden.app.connect.ConnectionProfile;
import java.nio.file.Path;
import java.util.List;

/**
 * A backup before it runs: the tool that fits the server, the exact command, where it goes and
 * which tables it will hold. The wizard's last page shows {@link #commandLine()}.
 */
public record BackupPlan(ConnectionProfile profile, BackupRequest request, BackupManifest.Source source, FoundTool tool,
                         ToolCommand command, String id, Path folder, Path payload, List<TableInfo> tables,
                         long databaseBytes, long walSegmentSize, List<String> notes) {

    public BackupPlan {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    public String commandLine() {
        return command.display();
    }

    public long tableBytes() {
        return tables.stream().mapToLong(TableInfo::bytes).sum();
    }
}
