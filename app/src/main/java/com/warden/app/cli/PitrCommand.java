package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 8 builds it: says so instead of pretending. */
@Command(name = "pitr", mixinStandardHelpOptions = true, description = "Point-in-time recovery into a scratch instance. (not built yet)")
final class PitrCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'pitr' is not built yet.", "it arrives with issue 8");
    }
}
