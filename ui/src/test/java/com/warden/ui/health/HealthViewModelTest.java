package com.warden.ui.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.health.ThresholdStore;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.DirectJobs;
import com.warden.ui.common.ErrorReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthViewModelTest {
    @TempDir
    Path config;
    Database database;
    final List<ErrorReport> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        database = Database.open(TestPostgres.demoDatabase("health vm").profile(), Access.READ_ONLY);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void loadFillsTheListTheStatusAndTheScore() {
        DirectJobs jobs = new DirectJobs();
        HealthViewModel vm = new HealthViewModel(jobs, database, new ThresholdStore(config), errors::add);

        vm.load();

        assertThat(vm.rows()).hasSizeGreaterThan(15);
        assertThat(vm.rows()).extracting(CheckRow::id).contains("connectivity", "expected_indexes", "idle_in_transaction");
        assertThat(vm.statusProperty().get()).isIn("healthy", "degraded", "critical");
        assertThat(vm.scoreProperty().get()).isBetween(0.0, 1.0);
        assertThat(vm.checkedAtProperty().get()).contains("project database");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(jobs.titles()).singleElement().asString().startsWith("Running the health checks");
        assertThat(errors).isEmpty();
    }

    @Test
    void anEditedThresholdIsValidatedSavedInTheConfigFolderAndUsedAtOnce() throws Exception {
        HealthViewModel vm = new HealthViewModel(new DirectJobs(), database, new ThresholdStore(config), errors::add);
        vm.load();
        assertThat(vm.threshold("round_trip_ms").warning()).isEqualTo("50");

        assertThat(vm.validate("round_trip_ms", "10", "5")).contains("must not be below warning");
        assertThat(vm.validate("round_trip_ms", "", "5")).isEqualTo("Give a warning limit.");
        assertThat(vm.validate("round_trip_ms", "x", "")).contains("not a number");
        assertThat(vm.validate("round_trip_ms", "0.000001", "")).isNull();

        vm.saveThreshold("round_trip_ms", "0.000001", "");

        CheckRow connectivity = vm.rows().stream().filter(r -> r.id().equals("connectivity")).findFirst().orElseThrow();
        assertThat(connectivity.status()).isEqualTo("warning");
        assertThat(connectivity.threshold()).isEqualTo("warning above 0.000001 ms");
        assertThat(Files.readString(config.resolve("health-thresholds.json"))).contains("round_trip_ms");
        assertThat(vm.threshold("round_trip_ms").custom()).isTrue();

        vm.resetThreshold("round_trip_ms");
        assertThat(vm.threshold("round_trip_ms").custom()).isFalse();
        assertThat(vm.rows().stream().filter(r -> r.id().equals("connectivity")).findFirst().orElseThrow().status()).isEqualTo("ok");
    }

    @Test
    void aBrokenThresholdFileIsSaidAndTheDefaultsAreUsed() throws Exception {
        Files.writeString(config.resolve("health-thresholds.json"), "{oops");
        HealthViewModel vm = new HealthViewModel(new DirectJobs(), database, new ThresholdStore(config), errors::add);

        vm.load();

        assertThat(vm.rows()).isNotEmpty();
        assertThat(vm.failureProperty().get()).isEmpty(); // cleared by the successful run…
        assertThat(Files.readString(config.resolve("health-thresholds.json"))).isEqualTo("{oops"); // …and nothing was overwritten
    }
}
