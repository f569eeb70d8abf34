package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 7 builds it: says so instead of pretending. */
@Command(name = "latency", mixinStandardHelpOptions = true, description = "Probe latency against pgbench. (not built yet)")
final class LatencyBench implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'latency' is not built yet.", "it arrives with issue 7");
    }
}
