package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 8 builds it: says so instead of pretending. */
@Command(name = "restore", mixinStandardHelpOptions = true, description = "Restore a backup into a new database or a scratch instance and verify it. (not built yet)")
final class RestoreCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'restore' is not built yet.", "it arrives with issue 8");
    }
}
