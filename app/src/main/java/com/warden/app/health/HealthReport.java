package com.warden.app.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check's result, the weighted score (0..1 over the checks that could judge) and the status:
 * critical when any check is critical, degraded when any warns, healthy otherwise.
 */
public record HealthReport(
        Instant checkedAt,
        String target,
        String serverVersion,
        boolean projectDatabase,
        double score,
        HealthStatus status,
        String summary,
        long elapsedMs,
        List<CheckResult> checks) {

    public HealthReport {
        checks = List.copyOf(checks);
    }

    public static HealthReport of(Instant at, String target, String version, boolean project, long elapsedMs,
                                  List<CheckResult> checks) {
        double weights = 0;
        double points = 0;
        List<String> critical = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (CheckResult c : checks) {
            if (c.status().scored()) {
                weights += c.weight();
                points += c.weight() * c.status().points();
            }
            if (c.status() == CheckStatus.CRITICAL) {
                critical.add(c.title());
            } else if (c.status() == CheckStatus.WARNING) {
                warnings.add(c.title());
            }
        }
        double score = weights == 0 ? 1.0 : Math.round(points / weights * 1000) / 1000.0;
        HealthStatus status = !critical.isEmpty() ? HealthStatus.CRITICAL
                : !warnings.isEmpty() ? HealthStatus.DEGRADED : HealthStatus.HEALTHY;
        StringBuilder summary = new StringBuilder(status.label()).append(String.format(" (score %.2f)", score));
        if (!critical.isEmpty()) {
            summary.append(": critical ").append(String.join(", ", critical));
        }
        if (!warnings.isEmpty()) {
            summary.append(critical.isEmpty() ? ": " : "; ").append("warning ").append(String.join(", ", warnings));
        }
        long partial = checks.stream().filter(CheckResult::partial).count();
        if (partial > 0) {
            summary.append("; ").append(partial).append(partial == 1 ? " check" : " checks").append(" partial (privileges)");
        }
        return new HealthReport(at, target, version, project, score, status, summary.toString(), elapsedMs, checks);
    }

    public CheckResult check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + id));
    }
}
