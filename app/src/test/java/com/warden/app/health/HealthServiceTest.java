package com.warden.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.job.JobContext;
import com.warden.app.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    private static HealthReport check(DataSource ds, HealthThresholds thresholds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return new HealthService().run(c, "test", thresholds, JobContext.none());
        }
    }

    @Test
    void everyCheckRunsOnTheDemoAndNoneErrors() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("health all");
        HealthReport report = check(db.dataSource(), HealthThresholds.defaults());
        report.checks().forEach(c -> System.out.println(c.status() + " " + c.id() + ": " + c.value() + " | " + c.hint()
                + (c.partial() ? " PARTIAL " + c.partialReason() : "") + " " + c.details()));
        System.out.println(report.summary());
        assertThat(report.checks()).hasSize(HealthService.checks().size());
        assertThat(report.checks()).noneMatch(c -> c.status() == CheckStatus.ERROR);
        assertThat(report.projectDatabase()).isTrue();
        assertThat(report.check("expected_indexes").status()).isEqualTo(CheckStatus.OK);
        assertThat(report.check("pg_stat_statements").status()).isIn(CheckStatus.OK, CheckStatus.WARNING);
        assertThat(report.score()).isBetween(0.0, 1.0);
    }
}
