package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 7 builds it: says so instead of pretending. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Health checks with a score: healthy, degraded or critical. (not built yet)")
final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'check' is not built yet.", "it arrives with issue 7");
    }
}
