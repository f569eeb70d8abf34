package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 5 builds it: says so instead of pretending. */
@Command(name = "impact", mixinStandardHelpOptions = true, description = "Impact analysis against the bare recursive CTE. (not built yet)")
final class ImpactBench implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'impact' is not built yet.", "it arrives with issue 5");
    }
}
