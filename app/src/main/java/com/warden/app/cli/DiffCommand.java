package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 4 builds it: says so instead of pretending. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Diff two versions of a file (side by side or unified). (not built yet)")
final class DiffCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'diff' is not built yet.", "it arrives with issue 4");
    }
}
