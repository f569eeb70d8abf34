package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 8 builds it: says so instead of pretending. */
@Command(name = "drill", mixinStandardHelpOptions = true, description = "A timed, verified restore drill with a report. (not built yet)")
final class DrillCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'drill' is not built yet.", "it arrives with issue 8");
    }
}
