package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 7 builds it: says so instead of pretending. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Load drill: probes under 1..N concurrent workers. (not built yet)")
final class LoadCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'load' is not built yet.", "it arrives with issue 7");
    }
}
