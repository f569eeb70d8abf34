package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 8 builds it: says so instead of pretending. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Backup, restore and drill against the bare PostgreSQL tools. (not built yet)")
final class BackupBench implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'backup' is not built yet.", "it arrives with issue 8");
    }
}
