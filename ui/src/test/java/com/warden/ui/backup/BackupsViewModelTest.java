package com.warden.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.backup.BackupCatalog;
import com.warden.app.backup.CatalogEntry;
import com.warden.app.config.AppDirs;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.schema.SchemaMigrator;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.DirectJobs;
import com.warden.ui.shell.ScreenContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen's view-model without a toolkit: jobs run at once on the test thread. */
class BackupsViewModelTest {
    @TempDir
    static Path home;
    static TestPostgres.TestDatabase demo;
    static Database database;
    static BackupsViewModel vm;

    @BeforeAll
    static void open() {
        demo = TestPostgres.demoDatabase("backups view model");
        database = Database.open(demo.profile(), Access.READ_ONLY);
        DirectJobs jobs = new DirectJobs();
        ScreenContext context = new ScreenContext(database, new SchemaMigrator(demo.dataSource()).detect(), jobs, e -> { },
                new AppDirs(home.resolve("data"), home.resolve("config")));
        BackupsServices services = new BackupsServices(com.warden.app.backup.ToolLocator.system(),
                new ProfileResolver(Map.of(), home, "postgres"));
        vm = new BackupsViewModel(context, services, jobs, Runnable::run, new ScratchRegistry(Runnable::run));
        vm.load();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theWizardsModelsBackUpRestoreAndDrillThroughTheViewModel() {
        assertThat(vm.backups()).isEmpty();
        assertThat(vm.archiveVerdictProperty().get()).startsWith("Not ready");

        BackupWizardModel wizard = vm.newBackupWizard();
        assertThat(wizard.catalogProperty().get()).isEqualTo(home.resolve("data/backups").toString());
        wizard.jobsProperty().set(2);
        assertThat(wizard.settingsErrorProperty().get()).contains("Parallel jobs need the directory format");
        wizard.formatProperty().set("directory");
        assertThat(wizard.settingsErrorProperty().get()).isEmpty();
        wizard.loadSelection();
        assertThat(wizard.schemas()).extracting(Rows.Choice::name).contains("core");
        wizard.tables().stream().filter(c -> c.name().equals("core.image_assets")).findFirst().orElseThrow().checkedProperty().set(false);
        wizard.prepareReview();
        assertThat(wizard.reviewReadyProperty().get()).as(wizard.reviewErrorProperty().get()).isTrue();
        assertThat(wizard.commandProperty().get()).contains("pg_dump").contains("-F d").contains("-j 2")
                .contains("-T '\"core\".\"image_assets\"'");
        vm.runBackup(wizard);

        assertThat(vm.job().failedProperty().get()).as(vm.job().resultProperty().get()).isFalse();
        assertThat(vm.backups()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("logical directory");
            assertThat(r.state()).isEqualTo("verified");
        });
        CatalogEntry entry = new BackupCatalog(home.resolve("data/backups")).list().get(0);
        assertThat(entry.manifest().tables()).extracting(t -> t.name().toString()).doesNotContain("core.image_assets").contains("core.messages");
        assertThat(vm.detailsProperty().get()).contains("core.messages").contains("SHA-256");

        RestoreWizardModel restore = vm.newRestoreWizard();
        assertThat(restore.backupIdProperty().get()).isEqualTo(entry.id());
        restore.targetProperty().set(RestoreWizardModel.EXISTING);
        assertThat(restore.targetErrorProperty().get()).contains("needs its name typed exactly");
        restore.typedNameProperty().set(demo.name() + "x");
        assertThat(restore.targetErrorProperty().get()).contains("does not match");
        restore.targetProperty().set(RestoreWizardModel.NEW);
        assertThat(restore.targetErrorProperty().get()).isEmpty();
        restore.prepareReview();
        assertThat(restore.reviewReadyProperty().get()).as(restore.reviewErrorProperty().get()).isTrue();
        vm.runRestore(restore);
        assertThat(vm.lastOutcomeProperty().get()).as(vm.job().resultProperty().get()).startsWith("PASS");
        assertThat(vm.lastSteps()).extracting(Rows.StepRow::step).contains("pg_restore", "verify");

        vm.runDrill();
        assertThat(vm.drillVerdictProperty().get()).as(vm.drillSummaryProperty().get()).isEqualTo("PASS");
        assertThat(vm.drillSteps()).extracting(Rows.StepRow::step).contains("tear down the scratch instance");
        assertThat(vm.drillHistory()).hasSize(1);

        vm.previewRetention();
        assertThat(vm.retention()).singleElement().satisfies(d -> assertThat(d.decision()).isEqualTo("keep"));

        List<String> missing = new ArrayList<>();
        vm.archiveFolderProperty().set(home.resolve("no-such-archive").toString());
        vm.checkContinuity();
        missing.add(vm.continuityProperty().get());
        assertThat(missing.get(0)).contains("does not exist");
        vm.makeSettings();
        assertThat(vm.archiveSettingsProperty().get()).contains("archive_mode = on");
    }
}
