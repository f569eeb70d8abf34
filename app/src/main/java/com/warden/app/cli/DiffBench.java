package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 4 builds it: says so instead of pretending. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Diff speed against GNU diff -u. (not built yet)")
final class DiffBench implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'diff' is not built yet.", "it arrives with issue 4");
    }
}
