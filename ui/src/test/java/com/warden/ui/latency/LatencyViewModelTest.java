package com.warden.ui.latency;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.DirectJobs;
import com.warden.ui.common.ErrorReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latency view-model without a toolkit: the test plays the FX thread and calls frame() itself. */
class LatencyViewModelTest {
    @TempDir
    Path dir;

    @Test
    void probesFillChartsRowsPlansStatementsAndTheLoadDrill() throws Exception {
        TestPostgres.TestDatabase db = TestPostgres.demoDatabase("latency vm");
        Path probes = Files.createDirectories(dir.resolve("probes"));
        Files.writeString(probes.resolve("bad.sql"), "-- name: Bad file\n-- query:\nSELECT 1");
        List<ErrorReport> errors = new ArrayList<>();
        DirectJobs jobs = new DirectJobs();
        LatencyViewModel vm = new LatencyViewModel(jobs, Runnable::run, errors::add, db.profile(), "15", probes);
        vm.manualFrames();
        try {
            vm.start();
            vm.setRate(5.0);
            ProbeChart recent = vm.charts().stream().filter(c -> c.probeId().equals("020_recent_messages")).findFirst().orElseThrow();
            until(() -> {
                vm.frame();
                return recent.itemCount() >= 3 && vm.tpsChart().itemCount() >= 2;
            });

            assertThat(vm.problemsProperty().get()).contains("Probe bad").contains("threshold_ms");
            assertThat(vm.connectedProperty().get()).isTrue();
            assertThat(vm.connectionProperty().get()).startsWith("connected · probing at 5 Hz");
            assertThat(vm.probes()).hasSize(vm.charts().size());
            until(() -> {
                vm.frame();
                return vm.probes().stream().allMatch(r -> r.statusProperty().get().equals("pass") || r.statusProperty().get().equals("over"));
            });
            assertThat(vm.probes()).allSatisfy(r -> assertThat(r.planProperty().get()).startsWith("good: "));
            assertThat(vm.planText("020_recent_messages")).contains("messages_session_created_covering");
            assertThat(vm.statementsProblemProperty().get()).contains("not created in this database");
            assertThat(vm.statementsHowToProperty().get()).contains("CREATE EXTENSION pg_stat_statements");
            assertThat(vm.updates()).isPositive();

            vm.pausedProperty().set(true);
            int frozen = recent.itemCount();
            Thread.sleep(600);
            vm.frame();
            assertThat(recent.itemCount()).isEqualTo(frozen);
            vm.pausedProperty().set(false);
            until(() -> {
                vm.frame(); // a few charts per frame: the others wait their turn
                return recent.itemCount() > frozen;
            });

            vm.loadWorkersProperty().set("1, 2");
            vm.loadDurationProperty().set("700ms");
            vm.runLoad();
            assertThat(vm.loadLines()).extracting(LoadLine::workers).containsExactly(1, 2);
            assertThat(vm.loadChart().points()).isEqualTo(2);
            assertThat(vm.loadMessageProperty().get()).startsWith("Done: 2 steps");

            vm.loadWorkersProperty().set("1,many");
            vm.runLoad();
            assertThat(vm.loadMessageProperty().get()).contains("Workers 'many' is not a count");
            assertThat(vm.loadLines()).hasSize(2);

            vm.exportReport(dir.resolve("report.html"));
            assertThat(vm.messageProperty().get()).startsWith("Report written");
            assertThat(Files.readString(dir.resolve("report.html"))).contains("Recent messages").contains("Load drill");
            assertThat(dir.resolve("report.json")).exists();
            assertThat(errors).isEmpty();
        } finally {
            vm.dispose();
        }
    }

    private static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 60 s");
            }
            Thread.sleep(100);
        }
    }
}
