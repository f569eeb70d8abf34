package com.warden.ui.shell;

import com.warden.app.config.AppDirs;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.connect.PoolStats;
import com.warden.app.connect.ServerInfo;
import com.warden.app.schema.ProjectStatus;
import com.warden.app.schema.SchemaMigrator;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.ErrorReport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state: the one connection (its state machine, server, schema status, pool),
 * the selected screen and what the content area may show for it, the theme, and the last error.
 * The only caller of the engine in the shell; every database call goes through {@link BackgroundJobs}.
 * Call it on the FX thread (toolkit-free tests call it from theirs, with direct jobs).
 */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);
    static final Duration POOL_REFRESH = Duration.ofSeconds(2);

    private final ScreenRegistry screens;
    private final BackgroundJobs jobs;
    private final Executor fx;
    private final ScheduledExecutorService poller;
    private final Executor settingsWriter;
    private final SettingsStore settingsStore;
    private final Function<ConnectionProfile, Database> opener;
    private final AppDirs dirs;

    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Warden");
    private final ReadOnlyStringWrapper serverLabel = new ReadOnlyStringWrapper(this, "serverLabel", "not connected");
    private final ReadOnlyStringWrapper serverDetail = new ReadOnlyStringWrapper(this, "serverDetail", "");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper(this, "serverVersion", "");
    private final ReadOnlyStringWrapper schemaStatus = new ReadOnlyStringWrapper(this, "schemaStatus", "");
    private final ReadOnlyStringWrapper schemaDetail = new ReadOnlyStringWrapper(this, "schemaDetail", "");
    private final ReadOnlyStringWrapper poolUse = new ReadOnlyStringWrapper(this, "poolUse", "");
    private final ReadOnlyStringWrapper poolDetail = new ReadOnlyStringWrapper(this, "poolDetail", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<ProjectStatus> projectStatus = new ReadOnlyObjectWrapper<>(this, "projectStatus");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<ScreenContext> screenContext = new ReadOnlyObjectWrapper<>(this, "screenContext");
    private final ReadOnlyObjectWrapper<ScreenState> screenState = new ReadOnlyObjectWrapper<>(this, "screenState");
    private final ObjectProperty<Screen> selectedScreen = new SimpleObjectProperty<>(this, "selectedScreen");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final StringBinding activity;

    /** The profile the launcher opened with: the note belongs to it, not to later connections. */
    private ConnectionProfile firstProfile;
    /** Bumped by every connect/adopt/disconnect: results of older attempts are closed, not shown. */
    private int generation;
    private ConnectionProfile profile;
    private String note = "";
    private ErrorReport failure;
    private ErrorReport statusFailure;
    private volatile Database database;
    private ScheduledFuture<?> polling;

    public ShellViewModel(ScreenRegistry screens, BackgroundJobs jobs, Executor fx, ScheduledExecutorService poller,
                          Executor settingsWriter, SettingsStore settingsStore,
                          Function<ConnectionProfile, Database> opener, AppDirs dirs) {
        this.screens = Objects.requireNonNull(screens);
        this.jobs = Objects.requireNonNull(jobs);
        this.fx = Objects.requireNonNull(fx);
        this.poller = poller;
        this.settingsWriter = Objects.requireNonNull(settingsWriter);
        this.settingsStore = Objects.requireNonNull(settingsStore);
        this.opener = Objects.requireNonNull(opener);
        this.dirs = Objects.requireNonNull(dirs);

        darkTheme.set(settingsStore.load().dark());
        darkTheme.addListener((obs, was, dark) -> saveTheme(dark));
        selectedScreen.set(screens.first());
        selectedScreen.addListener((obs, was, now) -> updateScreenState());
        activity = Bindings.createStringBinding(
                () -> jobs.busyProperty().get() ? jobs.messageProperty().get() : message.get(),
                jobs.busyProperty(), jobs.messageProperty(), message);
        updateScreenState();
    }

    // ---- actions ----------------------------------------------------------------------------

    /** Opens a pool for {@code newProfile} and detects the schema, off the FX thread. */
    public void connect(ConnectionProfile newProfile) {
        if (firstProfile == null) {
            firstProfile = newProfile;
        }
        int attempt = ++generation;
        begin(newProfile);
        message.set("Connecting to " + newProfile.label() + "…");
        jobs.run("Connecting to " + newProfile.label() + "…",
                context -> inspect(opener.apply(newProfile)),
                connected -> install(attempt, connected),
                problem -> failed(attempt, newProfile, problem));
    }

    /** Takes over a database the connect dialog already opened, and detects its schema. */
    public void adopt(Database opened) {
        int attempt = ++generation;
        begin(opened.profile());
        jobs.run("Reading the schema of " + opened.profile().label() + "…",
                context -> inspect(opened),
                connected -> install(attempt, connected),
                problem -> {
                    closeLater(opened);
                    failed(attempt, opened.profile(), problem);
                });
    }

    /** F5: the schema status again (and the pool), or a new attempt after a failure. */
    public void refresh() {
        ConnectionState now = state.get();
        if (now == ConnectionState.FAILED && profile != null) {
            connect(profile);
            return;
        }
        Database db = database;
        if (now != ConnectionState.CONNECTED || db == null) {
            return;
        }
        int attempt = generation;
        pollPoolNow();
        jobs.run("Refreshing the status of " + db.profile().label() + "…",
                context -> inspect(db),
                connected -> {
                    if (attempt == generation) {
                        showStatus(connected);
                        message.set("Refreshed.");
                    }
                },
                problem -> {
                    if (attempt == generation) {
                        showError(ErrorReport.handled("refresh", problem));
                    }
                });
    }

    public void disconnect() {
        generation++;
        Database old = detach();
        profile = null;
        failure = null;
        state.set(ConnectionState.DISCONNECTED);
        title.set("Warden");
        serverLabel.set("not connected");
        serverDetail.set("");
        message.set(old == null ? "" : "Disconnected from " + old.profile().label() + ".");
        updateScreenState();
    }

    public void showError(ErrorReport report) {
        error.set(report);
    }

    public void dismissError() {
        error.set(null);
    }

    /** The note the launcher passes ("Embedded demo database, data in …"), shown until something happens. */
    public void showNote(String note) {
        if (note != null && !note.isBlank()) {
            this.note = note;
            message.set(note);
        }
    }

    /** The window closed: stop polling and close the pool. Safe from any thread, once the window is gone. */
    public void shutdown() {
        generation++;
        if (polling != null) {
            polling.cancel(false);
        }
        Database db = database;
        database = null;
        if (db != null) {
            try {
                db.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing {} failed", db.profile().safeUri(), e);
            }
        }
    }

    public AboutInfo about() {
        return AboutInfo.current();
    }

    /** The profile the window is on (connected, connecting or failed), to prefill the connect dialog. */
    public ConnectionProfile currentProfile() {
        return profile;
    }

    // ---- what the navigation shows ----------------------------------------------------------

    public ScreenRegistry screens() {
        return screens;
    }

    /** False for a project screen while the connected database is not a project database. */
    public boolean isAvailable(Screen screen) {
        if (!screen.needsProject() || state.get() != ConnectionState.CONNECTED) {
            return true;
        }
        ProjectStatus status = projectStatus.get();
        return status != null && status.isProject();
    }

    public String caption(Screen screen) {
        if (!screen.needsProject()) {
            return "any PostgreSQL";
        }
        return isAvailable(screen) ? "project database" : "needs a project database";
    }

    // ---- internals --------------------------------------------------------------------------

    /** Runs on a warden-db thread: the schema status of an open database, or why it is unknown. */
    private Connected inspect(Database db) {
        try {
            return new Connected(db, new SchemaMigrator(db.dataSource()).detect(), null);
        } catch (RuntimeException e) {
            return new Connected(db, null, ErrorReport.handled("schema detection on " + db.profile().safeUri(), e));
        }
    }

    private record Connected(Database database, ProjectStatus status, ErrorReport statusError) { }

    /** One window, one connection: a new attempt lets go of the previous database at once. */
    private void begin(ConnectionProfile newProfile) {
        detach();
        profile = newProfile;
        failure = null;
        error.set(null);
        state.set(ConnectionState.CONNECTING);
        title.set("Warden — " + newProfile.name());
        serverLabel.set(newProfile.user() + "@" + newProfile.label());
        serverDetail.set(newProfile.safeUri());
        updateScreenState();
    }

    private void install(int attempt, Connected connected) {
        Database db = connected.database();
        if (attempt != generation) {
            closeLater(db);
            return;
        }
        database = db;
        ServerInfo server = db.server();
        serverVersion.set("PostgreSQL " + server.version());
        serverDetail.set(db.profile().safeUri() + "\nconnected as " + server.currentUser()
                + (server.superuser() ? " (superuser)" : "") + ", read-only"
                + (note.isEmpty() || !db.profile().equals(firstProfile) ? "" : "\n" + note));
        showStatus(connected);
        state.set(ConnectionState.CONNECTED);
        updateScreenState();
        message.set("Connected to " + db.profile().label() + " as " + server.currentUser() + ".");
        startPolling();
        pollPoolNow();
    }

    private void showStatus(Connected connected) {
        ProjectStatus status = connected.status();
        statusFailure = connected.statusError();
        schemaStatus.set(StatusText.schema(status));
        schemaDetail.set(status != null ? status.line()
                : "Cannot tell whether this is a project database: " + statusFailure.line());
        if (statusFailure != null) {
            showError(statusFailure);
        }
        boolean changed = !Objects.equals(projectStatus.get(), status) || screenContext.get() == null
                || screenContext.get().database() != connected.database();
        projectStatus.set(status);
        if (changed) {
            screenContext.set(new ScreenContext(connected.database(), status, jobs, this::showError, dirs, this::connect));
        }
        updateScreenState();
    }

    private void failed(int attempt, ConnectionProfile attempted, Throwable problem) {
        if (attempt != generation) {
            return;
        }
        failure = ErrorReport.handled("connect to " + attempted.safeUri(), problem);
        detach();
        state.set(ConnectionState.FAILED);
        message.set("Not connected.");
        updateScreenState(); // the content area says why, with "copy details"; no banner on top of it
    }

    /** Forgets the current database (closing it off the FX thread) and everything shown about it. */
    private Database detach() {
        Database old = database;
        database = null;
        statusFailure = null;
        serverVersion.set("");
        schemaStatus.set("");
        schemaDetail.set("");
        poolUse.set("");
        poolDetail.set("");
        projectStatus.set(null);
        screenContext.set(null);
        closeLater(old);
        return old;
    }

    private void updateScreenState() {
        Screen screen = selectedScreen.get();
        if (screen == null) {
            screenState.set(null);
            return;
        }
        ScreenState next = switch (state.get()) {
            case DISCONNECTED -> new ScreenState(screen, ScreenState.Kind.NOT_CONNECTED,
                    "Not connected. Choose a database with File → Connect… (Ctrl+N).");
            case CONNECTING -> new ScreenState(screen, ScreenState.Kind.CONNECTING,
                    "Connecting to " + (profile == null ? "the database" : profile.label()) + "…");
            case FAILED -> failure == null
                    ? new ScreenState(screen, ScreenState.Kind.FAILED, "The connection failed.")
                    : new ScreenState(screen, ScreenState.Kind.FAILED, failure.line(), failure.details());
            case CONNECTED -> connectedState(screen);
        };
        screenState.set(next);
    }

    private ScreenState connectedState(Screen screen) {
        if (!screen.needsProject()) {
            return new ScreenState(screen, ScreenState.Kind.READY, "");
        }
        ProjectStatus status = projectStatus.get();
        if (status == null) {
            return new ScreenState(screen, ScreenState.Kind.NEEDS_PROJECT, "Cannot tell whether this is a project database: "
                    + (statusFailure == null ? "the schema check did not finish." : statusFailure.line()));
        }
        if (!status.isProject()) {
            return new ScreenState(screen, ScreenState.Kind.NEEDS_PROJECT, status.line());
        }
        return new ScreenState(screen, ScreenState.Kind.READY, status.kind() == ProjectStatus.Kind.CURRENT ? "" : status.line());
    }

    private void closeLater(Database db) {
        if (db == null) {
            return;
        }
        jobs.run("Closing the connection to " + db.profile().label() + "…",
                context -> {
                    db.close();
                    return null;
                },
                done -> { },
                problem -> LOG.warn("Closing {} failed", db.profile().safeUri(), problem));
    }

    private void startPolling() {
        if (poller == null || polling != null) {
            return;
        }
        long every = POOL_REFRESH.toMillis();
        polling = poller.scheduleWithFixedDelay(this::pollPool, every, every, TimeUnit.MILLISECONDS);
    }

    private void pollPoolNow() {
        if (poller != null) {
            poller.execute(this::pollPool);
        }
    }

    /** On the poller thread: reads the pool's counters (no query), hands them to the FX thread. */
    private void pollPool() {
        Database db = database;
        if (db == null || db.isClosed()) {
            return;
        }
        try {
            PoolStats stats = db.poolStats();
            fx.execute(() -> {
                if (database == db) {
                    poolUse.set(StatusText.pool(stats));
                    poolDetail.set(StatusText.poolDetail(stats));
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("Pool statistics unavailable", e);
        }
    }

    private void saveTheme(boolean dark) {
        DesktopSettings settings = DesktopSettings.defaults().withDark(dark);
        settingsWriter.execute(() -> {
            try {
                settingsStore.save(settings);
            } catch (RuntimeException e) {
                ErrorReport report = ErrorReport.handled("saving settings", e);
                fx.execute(() -> showError(report));
            }
        });
    }

    // ---- properties -------------------------------------------------------------------------

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty serverLabelProperty() { return serverLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty serverDetailProperty() { return serverDetail.getReadOnlyProperty(); }
    public ReadOnlyStringProperty serverVersionProperty() { return serverVersion.getReadOnlyProperty(); }
    public ReadOnlyStringProperty schemaStatusProperty() { return schemaStatus.getReadOnlyProperty(); }
    public ReadOnlyStringProperty schemaDetailProperty() { return schemaDetail.getReadOnlyProperty(); }
    public ReadOnlyStringProperty poolUseProperty() { return poolUse.getReadOnlyProperty(); }
    public ReadOnlyStringProperty poolDetailProperty() { return poolDetail.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ProjectStatus> projectStatusProperty() { return projectStatus.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ErrorReport> errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ScreenContext> screenContextProperty() { return screenContext.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ScreenState> screenStateProperty() { return screenState.getReadOnlyProperty(); }
    public ObjectProperty<Screen> selectedScreenProperty() { return selectedScreen; }
    public BooleanProperty darkThemeProperty() { return darkTheme; }
    public ReadOnlyBooleanProperty busyProperty() { return jobs.busyProperty(); }
    /** The running job's message while busy, else the last thing that happened. */
    public ObservableStringValue activityProperty() { return activity; }
}
