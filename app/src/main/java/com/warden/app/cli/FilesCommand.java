package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 4 builds it: says so instead of pretending. */
@Command(name = "files", mixinStandardHelpOptions = true, description = "List an app's files and versions. (not built yet)")
final class FilesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'files' is not built yet.", "it arrives with issue 4");
    }
}
