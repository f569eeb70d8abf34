package com.warden.app.cli;

import picocli.CommandLine.Command;

/** Benchmarks: each prepares what it needs, measures, and prints a table or one JSON document. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Warden against a bare baseline and print the figures.",
        subcommands = {SeedBench.class, SessionsBench.class, DiffBench.class, ImpactBench.class, IntegrityBench.class,
                LatencyBench.class, BackupBench.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(Console.out());
    }
}
