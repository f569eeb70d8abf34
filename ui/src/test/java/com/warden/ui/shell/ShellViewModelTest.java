package com.warden.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.config.AppDirs;
import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.schema.ProjectStatus;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.common.Await;
import com.warden.ui.common.DirectJobs;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's state machine without a toolkit: direct jobs, the real PostgreSQL of the test JVM. */
class ShellViewModelTest {
    @TempDir
    Path home;

    private ScheduledExecutorService poller;
    private final DirectJobs jobs = new DirectJobs();
    private ShellViewModel viewModel;

    @BeforeEach
    void setUp() {
        poller = Executors.newSingleThreadScheduledExecutor();
        viewModel = newViewModel();
    }

    private ShellViewModel newViewModel() {
        AppDirs dirs = new AppDirs(home.resolve("data"), home.resolve("config"));
        return new ShellViewModel(ScreenRegistry.standard(), jobs, Runnable::run, poller, Runnable::run,
                new SettingsStore(dirs.config()), profile -> Database.open(profile, Access.READ_ONLY), dirs);
    }

    @AfterEach
    void tearDown() {
        viewModel.shutdown();
        poller.shutdownNow();
    }

    @Test
    void startsDisconnectedAndSaysSo() {
        assertThat(viewModel.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(viewModel.titleProperty().get()).isEqualTo("Warden");
        assertThat(viewModel.screenStateProperty().get().kind()).isEqualTo(ScreenState.Kind.NOT_CONNECTED);
        assertThat(viewModel.selectedScreenProperty().get().id()).isEqualTo("sessions");
    }

    @Test
    void connectsToAProjectDatabaseAndFillsTheStatusBar() {
        var demo = TestPostgres.demoDatabase("shell vm");
        viewModel.connect(demo.profile());

        assertThat(viewModel.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(viewModel.titleProperty().get()).isEqualTo("Warden — " + demo.profile().name());
        assertThat(viewModel.serverVersionProperty().get()).startsWith("PostgreSQL 15");
        assertThat(viewModel.schemaStatusProperty().get()).matches("schema core at version \\d+");
        assertThat(viewModel.schemaDetailProperty().get()).startsWith("Project database, schema core at version");
        assertThat(viewModel.projectStatusProperty().get().kind()).isEqualTo(ProjectStatus.Kind.CURRENT);
        assertThat(viewModel.screenContextProperty().get().database().profile()).isEqualTo(demo.profile());
        assertThat(viewModel.screenStateProperty().get().kind()).isEqualTo(ScreenState.Kind.READY);
        assertThat(viewModel.screens().all()).allMatch(viewModel::isAvailable);
        Await.until("the pool line", () -> viewModel.poolUseProperty().get().matches("pool \\d+ active / \\d+ open"));
    }

    @Test
    void aDatabaseWithoutTheProjectSchemaKeepsTheDbaScreensAndExplainsTheRest() {
        var empty = TestPostgres.emptyDatabase("shell vm empty");
        viewModel.connect(empty.profile());

        assertThat(viewModel.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(viewModel.schemaStatusProperty().get()).isEqualTo("not a project database");
        ScreenState sessions = viewModel.screenStateProperty().get();
        assertThat(sessions.kind()).isEqualTo(ScreenState.Kind.NEEDS_PROJECT);
        assertThat(sessions.line()).startsWith("Not a project database: there is no schema core.");
        Screen sessionsScreen = viewModel.screens().byId("sessions").orElseThrow();
        assertThat(viewModel.isAvailable(sessionsScreen)).isFalse();
        assertThat(viewModel.caption(sessionsScreen)).isEqualTo("needs a project database");

        viewModel.selectedScreenProperty().set(viewModel.screens().byId("health").orElseThrow());
        assertThat(viewModel.screenStateProperty().get().kind()).isEqualTo(ScreenState.Kind.READY);
        assertThat(viewModel.caption(viewModel.screens().byId("backups").orElseThrow())).isEqualTo("any PostgreSQL");
    }

    @Test
    void aFailedConnectionShowsOneLineAndF5TriesAgain() {
        ConnectionProfile nowhere = ProfileResolver.system().resolve("postgresql://nobody@localhost:1/x", null);
        viewModel.connect(nowhere);

        assertThat(viewModel.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
        ScreenState failed = viewModel.screenStateProperty().get();
        assertThat(failed.kind()).isEqualTo(ScreenState.Kind.FAILED);
        assertThat(failed.line()).startsWith("Nothing is listening on localhost:1 (connection refused).").doesNotContain("\n");
        assertThat(failed.details()).contains("ConnectException");
        assertThat(viewModel.titleProperty().get()).isEqualTo("Warden — nobody@localhost:1/x");

        int attempts = jobs.titles().size();
        viewModel.refresh();
        assertThat(jobs.titles().subList(attempts, jobs.titles().size())).contains("Connecting to localhost:1/x…");
        assertThat(viewModel.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void connectingElsewhereLetsGoOfThePreviousDatabaseAndDisconnectClearsAll() {
        var first = TestPostgres.demoDatabase("shell vm first");
        viewModel.connect(first.profile());
        Database firstDb = viewModel.screenContextProperty().get().database();

        var second = TestPostgres.emptyDatabase("shell vm second");
        viewModel.connect(second.profile());
        assertThat(firstDb.isClosed()).isTrue();
        assertThat(viewModel.schemaStatusProperty().get()).isEqualTo("not a project database");

        Database secondDb = viewModel.screenContextProperty().get().database();
        viewModel.disconnect();
        assertThat(secondDb.isClosed()).isTrue();
        assertThat(viewModel.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(viewModel.titleProperty().get()).isEqualTo("Warden");
        assertThat(viewModel.serverVersionProperty().get()).isEmpty();
        assertThat(viewModel.screenContextProperty().get()).isNull();
    }

    @Test
    void theThemeChoiceIsSavedAndComesBack() {
        assertThat(viewModel.darkThemeProperty().get()).isFalse();
        viewModel.darkThemeProperty().set(true);
        assertThat(newViewModel().darkThemeProperty().get()).isTrue();
    }
}
