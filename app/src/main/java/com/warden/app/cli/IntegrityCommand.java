package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 6 builds it: says so instead of pretending. */
@Command(name = "integrity", mixinStandardHelpOptions = true, description = "Recompute digests and check orphans, images, constraints and indexes. (not built yet)")
final class IntegrityCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'integrity' is not built yet.", "it arrives with issue 6");
    }
}
