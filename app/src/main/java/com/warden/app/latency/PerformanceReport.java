package com.warden.app.latency;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the latency screen knows, frozen for export (HTML and JSON), like seed 002's
 * report generator but with real percentiles: the probes against their thresholds, their plans,
 * the top statements, TPS and cache hits, and the load drill when one ran.
 */
public record PerformanceReport(
        Instant generatedAt,
        String target,
        String serverVersion,
        double seconds,
        double rateHz,
        List<ProbeSummary> probes,
        List<ExplainVerdict> plans,
        Map<String, List<ProbePoint>> points,
        List<ActivityPoint> activity,
        StatementsSnapshot statements,
        LoadDrillResult load,
        List<ProbeCatalog.Problem> problems,
        double serverCpuMsPerSecond) {

    public long passed() {
        return probes.stream().filter(p -> p.status() == ProbeSummary.Status.PASS).count();
    }

    public long failed() {
        return probes.stream().filter(p -> p.status() == ProbeSummary.Status.FAIL).count();
    }

    public long errors() {
        return probes.stream().filter(p -> p.status() == ProbeSummary.Status.ERROR).count();
    }

    public double averageTps() {
        return activity.stream().filter(a -> !a.reset() && !Double.isNaN(a.tps())).mapToDouble(ActivityPoint::tps).average().orElse(Double.NaN);
    }

    /** Block-weighted cache hit ratio over the run. */
    public double cacheHitRatio() {
        double hits = 0;
        double blocks = 0;
        for (ActivityPoint a : activity) {
            if (!a.reset() && !Double.isNaN(a.cacheHitRatio())) {
                hits += a.cacheHitRatio() * a.blocksPerSec();
                blocks += a.blocksPerSec();
            }
        }
        return blocks == 0 ? Double.NaN : hits / blocks;
    }

    public static PerformanceReport of(LatencyMonitor.Snapshot s, String target, String version, double seconds, double rateHz,
                                       List<ExplainVerdict> plans, LoadDrillResult load) {
        return new PerformanceReport(s.at(), target, version, seconds, rateHz, s.probes(), plans, s.points(), s.activity(),
                s.statements(), load, s.problems(), s.serverCpuMsPerSecond());
    }
}
