package com.warden.app.latency;

import java.time.Instant;
import java.util.List;

/** Throughput and latency against concurrency: every step of a load drill. */
public record LoadDrillResult(Instant at, String target, String serverVersion, double stepSeconds, List<String> probes,
                              List<LoadStep> steps, List<String> notes) {
    public LoadDrillResult {
        probes = List.copyOf(probes);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }
}
