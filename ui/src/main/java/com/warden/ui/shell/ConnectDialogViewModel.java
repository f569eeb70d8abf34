package com.warden.ui.shell;

import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.connect.ProfileStore;
import com.warden.app.connect.ServerInfo;
import com.warden.app.schema.ProjectStatus;
import com.warden.app.schema.SchemaMigrator;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.ErrorReport;
import com.warden.ui.common.JobHandle;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect dialog: a URI or separate fields, Test, Save, Connect, and the saved profiles.
 * Every action builds the profile and touches the network or the disk off the FX thread; a bad
 * input or a failed attempt leaves one line in {@link #errorLineProperty()} and never clears
 * what the user typed.
 */
public final class ConnectDialogViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectDialogViewModel.class);

    public enum Mode { URI, FIELDS }

    /** One saved profile as the list shows it. */
    public record SavedProfile(String name, String uri, ConnectionProfile profile) {
        static SavedProfile of(ConnectionProfile p) {
            return new SavedProfile(p.name(), p.safeUri(), p);
        }
    }

    /** What the user typed, copied on the FX thread so a job never reads a property. */
    private record Inputs(Mode mode, String uri, String name, String host, String port, String database,
                          String user, String password, String sslMode) { }

    private final ProfileResolver resolver;
    private final ProfileStore store;
    private final BackgroundJobs jobs;
    private final Function<ConnectionProfile, Database> opener;
    private final Consumer<Database> onConnected;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.URI);
    private final StringProperty uri = new SimpleStringProperty(this, "uri", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty database = new SimpleStringProperty(this, "database", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty sslMode = new SimpleStringProperty(this, "sslMode", "prefer");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyStringWrapper errorLine = new ReadOnlyStringWrapper(this, "errorLine", "");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails", "");
    private final ReadOnlyStringWrapper resultLine = new ReadOnlyStringWrapper(this, "resultLine", "");
    private final ObservableList<SavedProfile> saved = FXCollections.observableArrayList();

    private JobHandle running = JobHandle.NONE;
    private boolean closed;

    public ConnectDialogViewModel(ProfileResolver resolver, ProfileStore store, BackgroundJobs jobs,
                                  Function<ConnectionProfile, Database> opener, ConnectionProfile initial,
                                  Consumer<Database> onConnected) {
        this.resolver = Objects.requireNonNull(resolver);
        this.store = Objects.requireNonNull(store);
        this.jobs = Objects.requireNonNull(jobs);
        this.opener = Objects.requireNonNull(opener);
        this.onConnected = Objects.requireNonNull(onConnected);
        if (initial != null) {
            fill(initial);
        }
    }

    public static List<String> sslModes() {
        return List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    }

    // ---- actions ----------------------------------------------------------------------------

    /** Reads the saved profiles (a small file, still off the FX thread). */
    public void loadSaved() {
        start("Reading saved connections…", context -> store.load(),
                profiles -> saved.setAll(profiles.stream().map(SavedProfile::of).toList()));
    }

    /** Puts a saved profile into the URI and the fields (no password: that comes from ~/.pgpass). */
    public void choose(SavedProfile chosen) {
        if (chosen != null) {
            fill(chosen.profile());
            clearLines();
        }
    }

    /** Connects once, reports the server and whether it is a project database, and disconnects. */
    public void test() {
        Inputs inputs = snapshot();
        start("Testing the connection…", context -> {
            ConnectionProfile profile = build(inputs);
            try (Database db = opener.apply(profile)) {
                ServerInfo server = db.server();
                ProjectStatus status = new SchemaMigrator(db.dataSource()).detect();
                return "Connection works: PostgreSQL " + server.version() + " as " + server.currentUser()
                        + (server.superuser() ? " (superuser)" : "") + ". " + status.line();
            }
        }, resultLine::set);
    }

    /** Saves the profile (never its password) to the list of saved connections. */
    public void save() {
        Inputs inputs = snapshot();
        start("Saving the connection…", context -> {
            ConnectionProfile profile = build(inputs);
            store.remember(profile);
            return new Saved(profile.name(), store.load());
        }, done -> {
            saved.setAll(done.profiles().stream().map(SavedProfile::of).toList());
            resultLine.set("Saved as '" + done.name() + "' (without the password: ~/.pgpass is where it belongs).");
        });
    }

    private record Saved(String name, List<ConnectionProfile> profiles) { }

    public void forget(SavedProfile chosen) {
        if (chosen == null) {
            return;
        }
        start("Forgetting " + chosen.name() + "…", context -> {
            store.forget(chosen.name());
            return store.load();
        }, profiles -> {
            saved.setAll(profiles.stream().map(SavedProfile::of).toList());
            resultLine.set("Forgot '" + chosen.name() + "'.");
        });
    }

    /**
     * Opens the database; on success remembers the profile as recent, hands the open database to
     * the shell and sets {@link #doneProperty()} (the dialog then closes). On failure the dialog
     * stays as it was, with the reason in {@link #errorLineProperty()}.
     */
    public void connect() {
        Inputs inputs = snapshot();
        start("Connecting…", context -> {
            ConnectionProfile profile = build(inputs);
            Database db = opener.apply(profile);
            try {
                store.remember(profile);
            } catch (RuntimeException e) {
                LOG.warn("Could not remember {}: {}", profile.safeUri(), ErrorReport.of(e).line());
            }
            return db;
        }, db -> {
            if (closed) {
                closeQuietly(db);
            } else {
                onConnected.accept(db);
                done.set(true);
            }
        });
    }

    /** The dialog closes without connecting: stop what runs, and close anything that opens late. */
    public void close() {
        closed = true;
        running.cancel();
    }

    // ---- internals --------------------------------------------------------------------------

    private <T> void start(String title, com.warden.app.job.Job<T> job, Consumer<T> onSuccess) {
        if (busy.get()) {
            return;
        }
        clearLines();
        busy.set(true);
        running = jobs.run(title, job, value -> {
            busy.set(false);
            onSuccess.accept(value);
        }, problem -> {
            busy.set(false);
            ErrorReport report = ErrorReport.handled("connect dialog: " + title, problem);
            errorLine.set(report.line());
            errorDetails.set(report.details());
        });
    }

    private void clearLines() {
        errorLine.set("");
        errorDetails.set("");
        resultLine.set("");
    }

    private Inputs snapshot() {
        return new Inputs(mode.get(), uri.get(), name.get(), host.get(), port.get(), database.get(), user.get(),
                password.get(), sslMode.get());
    }

    /** Runs in a job: the engine validates and says what is wrong in one line. */
    private ConnectionProfile build(Inputs in) {
        ConnectionProfile profile = in.mode() == Mode.URI
                ? resolver.resolve(requireUri(in.uri()), null)
                : resolver.fromFields(in.host(), in.port(), in.database(), in.user(), in.password(), in.sslMode());
        return in.name() == null || in.name().isBlank() ? profile : profile.withName(in.name().trim());
    }

    private static String requireUri(String text) {
        if (text == null || text.isBlank()) {
            throw new com.warden.app.WardenException("The URI is empty.",
                    "write postgresql://user@host:5432/database, or use the Fields tab");
        }
        return text.trim();
    }

    private void fill(ConnectionProfile p) {
        uri.set(p.safeUri());
        name.set(p.name());
        host.set(p.host());
        port.set(Integer.toString(p.port()));
        database.set(p.database());
        user.set(p.user());
        password.set("");
        sslMode.set(p.sslMode().libpqName());
    }

    private void closeQuietly(Database db) {
        jobs.run("Closing an unused connection…", context -> {
            db.close();
            return null;
        }, done -> { }, problem -> LOG.warn("Closing {} failed", db.profile().safeUri(), problem));
    }

    // ---- properties -------------------------------------------------------------------------

    public ObjectProperty<Mode> modeProperty() { return mode; }
    public StringProperty uriProperty() { return uri; }
    public StringProperty nameProperty() { return name; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty databaseProperty() { return database; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty sslModeProperty() { return sslMode; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** True once a connection was handed to the shell: time to close the dialog. */
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorLineProperty() { return errorLine.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorDetailsProperty() { return errorDetails.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultLineProperty() { return resultLine.getReadOnlyProperty(); }
    public ObservableList<SavedProfile> saved() { return saved; }
}
