package com.warden.ui.files;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import com.warden.app.files.AppRef;
import com.warden.app.files.ChangedFile;
import com.warden.app.files.DiffOptions;
import com.warden.app.files.DiffStats;
import com.warden.app.files.FileDiff;
import com.warden.app.files.FileEntry;
import com.warden.app.files.FileHistory;
import com.warden.app.files.FileTree;
import com.warden.app.files.FileVersion;
import com.warden.app.files.RevertResult;
import com.warden.app.files.SessionChanges;
import com.warden.app.files.SessionSpan;
import com.warden.app.files.TextDiff;
import com.warden.app.files.TokenSavings;
import com.warden.app.files.VersionReverter;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.JobHandle;
import com.warden.ui.shell.ScreenContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Files & Diffs screen's state and actions, and the only caller of {@code com.warden.app.files}
 * in the desktop. Every query and every diff runs through the background jobs; results land
 * here on the FX thread. A newer request (another file, other versions, whitespace) cancels the
 * one still running, and a late answer to an old request is dropped.
 */
public final class FilesViewModel {
    private final BackgroundJobs jobs;
    private final BiConsumer<String, Throwable> errors;
    private final FileHistory history;
    private final ConnectionProfile profile;
    private final Function<ConnectionProfile, Database> writableOpener;
    private volatile Database writable;

    // apps and files
    private final ObservableList<AppRef> apps = FXCollections.observableArrayList();
    private final ObjectProperty<AppRef> app = new SimpleObjectProperty<>(this, "app");
    private final ObservableList<FileEntry> files = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FileTree> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyObjectWrapper<FileEntry> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper fileTitle = new ReadOnlyStringWrapper(this, "fileTitle", "");
    private final ReadOnlyStringWrapper fileFacts = new ReadOnlyStringWrapper(this, "fileFacts", "");
    private final ReadOnlyStringWrapper headProblem = new ReadOnlyStringWrapper(this, "headProblem", "");
    private final ObservableList<FileVersion> versions = FXCollections.observableArrayList();

    // the diff
    private final ObjectProperty<FileVersion> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<FileVersion> to = new SimpleObjectProperty<>(this, "to");
    private final BooleanProperty ignoreWhitespace = new SimpleBooleanProperty(this, "ignoreWhitespace");
    private final BooleanProperty unified = new SimpleBooleanProperty(this, "unified");
    private final IntegerProperty context = new SimpleIntegerProperty(this, "context", DiffOptions.DEFAULT_CONTEXT);
    private final ReadOnlyObjectWrapper<FileDiff> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ReadOnlyIntegerWrapper change = new ReadOnlyIntegerWrapper(this, "change", -1);
    private final ReadOnlyIntegerWrapper changeRow = new ReadOnlyIntegerWrapper(this, "changeRow", -1);
    private final ReadOnlyIntegerWrapper changeHunk = new ReadOnlyIntegerWrapper(this, "changeHunk", -1);
    private final ReadOnlyBooleanWrapper textShown = new ReadOnlyBooleanWrapper(this, "textShown");
    private final ObjectProperty<FileVersion> chosenVersion = new SimpleObjectProperty<>(this, "chosenVersion");
    private final ReadOnlyBooleanWrapper canRevertChosen = new ReadOnlyBooleanWrapper(this, "canRevertChosen");
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper(this, "diffSummary", "");
    private final ReadOnlyStringWrapper changePosition = new ReadOnlyStringWrapper(this, "changePosition", "");
    private final ReadOnlyStringWrapper tokenFigure = new ReadOnlyStringWrapper(this, "tokenFigure", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Pick a file on the left.");
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    // revert
    private final ReadOnlyBooleanWrapper canWrite = new ReadOnlyBooleanWrapper(this, "canWrite");
    private final ReadOnlyStringWrapper writeReason = new ReadOnlyStringWrapper(this, "writeReason", "checking whether this connection can write…");

    // sessions
    private final ObservableList<SessionSpan> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<SessionSpan> session = new SimpleObjectProperty<>(this, "session");
    private final ObservableList<ChangedFile> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sessionSummary = new ReadOnlyStringWrapper(this, "sessionSummary", "");

    private JobHandle diffJob = JobHandle.NONE;
    private JobHandle versionsJob = JobHandle.NONE;
    private long diffRequest;
    private long fileRequest;
    private boolean updating;
    private boolean disposed;

    public FilesViewModel(Database database, BackgroundJobs jobs, BiConsumer<String, Throwable> errors,
                          Function<ConnectionProfile, Database> writableOpener) {
        this.jobs = jobs;
        this.errors = errors;
        this.history = new FileHistory(database);
        this.profile = database.profile();
        this.writableOpener = writableOpener;
        app.addListener((o, old, now) -> {
            if (now != null && !updating && (old == null || !old.id().equals(now.id()))) {
                loadFiles(now, null);
                loadSessions(now);
            }
        });
        from.addListener((o, a, b) -> versionsChanged());
        to.addListener((o, a, b) -> versionsChanged());
        ignoreWhitespace.addListener((o, a, b) -> requestDiff());
        context.addListener((o, a, b) -> contextChanged());
        session.addListener((o, a, b) -> loadChanges(b));
        canRevertChosen.bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> canRevert(chosenVersion.get()),
                chosenVersion, canWrite, file));
    }

    public static FilesViewModel of(ScreenContext context) {
        return new FilesViewModel(context.database(), context.jobs(), context::showError,
                p -> Database.open(p, Access.READ_WRITE, ProfileResolver.system(), 1));
    }

    // ------------------------------------------------------------------ loading

    /** Loads the apps (keeping the chosen one) and asks whether reverts can write here. */
    public void load() {
        jobs.run("Loading apps", job -> history.apps(), list -> {
            AppRef keep = app.get();
            apps.setAll(list);
            AppRef choice = keep == null ? null : list.stream().filter(a -> a.id().equals(keep.id())).findFirst().orElse(null);
            if (choice == null && !list.isEmpty()) {
                choice = list.stream().filter(a -> a.files() > 0).findFirst().orElse(list.get(0));
            }
            if (choice != null && keep != null && choice.id().equals(keep.id())) {
                updating = true;
                app.set(choice);
                updating = false;
                loadFiles(choice, file.get() == null ? null : file.get().path());
                loadSessions(choice);
            } else {
                app.set(choice);
            }
            if (list.isEmpty()) {
                message.set("This project database has no apps yet.");
            }
        }, e -> errors.accept("Files: loading the apps", e));
        checkWriteAccess();
    }

    private void loadFiles(AppRef chosen, String keepPath) {
        long request = ++fileRequest;
        jobs.run("Loading the files of " + chosen.name(), job -> history.files(chosen.id()), list -> {
            if (request != fileRequest) {
                return;
            }
            files.setAll(list);
            tree.set(FileTree.of(list));
            FileEntry pick = keepPath == null ? null : list.stream().filter(f -> f.path().equals(keepPath)).findFirst().orElse(null);
            if (pick == null) {
                // open on the text file changed last that has something to compare
                pick = list.stream().filter(f -> !f.binary() && f.versions() > 1)
                        .max(Comparator.comparing(FileEntry::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .orElse(list.isEmpty() ? null : list.get(0));
            }
            if (pick != null) {
                selectFile(pick);
            } else {
                clearFile();
                message.set(chosen.name() + " has no files.");
            }
        }, e -> errors.accept("Files: loading the files of " + chosen.name(), e));
    }

    /** Shows a file: its facts, its versions, and the head against the version before it. */
    public void selectFile(FileEntry entry) {
        selectFile(entry, null, null);
    }

    /** Shows a file with the given versions compared (null: the defaults; from {@link FileHistory#EMPTY}: the empty file). */
    public void selectFile(FileEntry entry, Integer fromVersion, Integer toVersion) {
        if (entry == null) {
            return;
        }
        versionsJob.cancel();
        diffJob.cancel();
        file.set(entry);
        fileTitle.set(entry.path());
        fileFacts.set(facts(entry));
        headProblem.set(entry.healthy() ? "" : "Head: " + entry.headProblem());
        long request = ++fileRequest;
        long diffAsked = ++diffRequest;
        DiffOptions options = options();
        loading.set(true);
        // one job: the versions for the table, then at once the diff the screen opens on
        versionsJob = jobs.run("Opening " + entry.path(), job -> {
            List<FileVersion> list = history.versions(entry.id());
            FileVersion target = pick(list, toVersion).orElseGet(() -> list.stream().filter(FileVersion::head).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
            FileVersion base = fromVersion != null ? pick(list, fromVersion).orElse(null) // EMPTY picks nothing: the empty file
                    : target == null ? null : list.stream().filter(v -> v.version() < target.version()).findFirst().orElse(null);
            if (target == null) {
                return new Opened(list, null, null, null, null);
            }
            try {
                return new Opened(list, base, target, prepared(history.diff(entry, number(base), target.version(), options, job)), null);
            } catch (WardenException e) {
                return new Opened(list, base, target, null, e);
            }
        }, opened -> {
            if (request != fileRequest) {
                return;
            }
            updating = true;
            try {
                versions.setAll(opened.versions());
                to.set(opened.target());
                from.set(opened.base());
            } finally {
                updating = false;
            }
            if (diffAsked != diffRequest) {
                return; // another comparison was asked for meanwhile
            }
            if (opened.diff() != null) {
                show(opened.diff());
            } else if (opened.problem() != null) {
                showNoDiff(opened.problem().line());
            } else {
                requestDiff(); // says why there is nothing to compare
            }
        }, e -> {
            loading.set(false);
            errors.accept("Files: opening " + entry.path(), e);
        });
    }

    private record Opened(List<FileVersion> versions, FileVersion base, FileVersion target, FileDiff diff, WardenException problem) { }

    /** The engine's "from": a version number, or the empty file. */
    private static int number(FileVersion base) {
        return base == null ? FileHistory.EMPTY : base.version();
    }

    /** Shows what a version changed: the version before it against it (the first against the empty file). */
    public void showVersion(FileVersion version) {
        if (version == null || version.equals(to.get())) {
            return;
        }
        FileVersion base = versions.stream().filter(v -> v.version() < version.version()).findFirst().orElse(null);
        updating = true;
        try {
            to.set(version);
            from.set(base);
        } finally {
            updating = false;
        }
        requestDiff();
    }

    private static Optional<FileVersion> pick(List<FileVersion> list, Integer number) {
        return number == null ? Optional.empty() : list.stream().filter(v -> v.version() == number).findFirst();
    }

    private void clearFile() {
        file.set(null);
        versions.clear();
        fileTitle.set("");
        fileFacts.set("");
        headProblem.set("");
        showNoDiff("Pick a file on the left.");
    }

    static String facts(FileEntry f) {
        return String.join("  ·  ", f.mimeType() == null ? "no mime type" : f.mimeType(), size(f.sizeBytes()),
                f.binary() ? "binary" : "text", "sha256 " + f.shortDigest(),
                f.headVersion() == null ? "no head" : "head v" + f.headVersion(),
                f.versions() + (f.versions() == 1 ? " version" : " versions"));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    // ------------------------------------------------------------------ the diff

    private void versionsChanged() {
        if (!updating) {
            requestDiff();
        }
    }

    private DiffOptions options() {
        return new DiffOptions(Math.max(0, context.get()), ignoreWhitespace.get());
    }

    /** Compares the chosen versions off the FX thread; the answer to an older request is dropped. */
    public void requestDiff() {
        FileEntry entry = file.get();
        if (entry == null || disposed) {
            return;
        }
        diffJob.cancel();
        long request = ++diffRequest;
        if (versions.isEmpty()) {
            showNoDiff(entry.path() + " has no versions, so there is nothing to compare."
                    + (entry.healthy() ? "" : " (" + entry.headProblem() + ")"));
            return;
        }
        FileVersion target = to.get();
        if (target == null) {
            showNoDiff("Pick the version to show.");
            return;
        }
        FileVersion base = from.get();
        DiffOptions options = options();
        loading.set(true);
        diffJob = jobs.run("Comparing " + entry.path() + " " + (base == null ? "" : base.label() + " → ") + target.label(),
                job -> prepared(history.diff(entry, number(base), target.version(), options, job)),
                result -> {
                    if (request == diffRequest) {
                        show(result);
                    }
                },
                e -> {
                    if (request != diffRequest) {
                        return;
                    }
                    loading.set(false);
                    if (e instanceof WardenException w) {
                        showNoDiff(w.line());
                    } else {
                        showNoDiff("The comparison failed.");
                        errors.accept("Files: comparing " + entry.path(), e);
                    }
                });
    }

    /** Everything the view needs, computed by the worker: rows with word marks, change starts, unified text. */
    public static FileDiff prepared(FileDiff d) {
        if (!d.binary()) {
            d.text().rows();
            d.text().changeStarts();
            d.unified();
        }
        return d;
    }

    private void show(FileDiff result) {
        loading.set(false);
        notes.setAll(result.notes());
        textShown.set(!result.binary());
        diff.set(result);
        if (result.binary()) {
            diffSummary.set(result.sameContent() ? "Same bytes" : "Binary content differs: no text diff");
            message.set("");
            change.set(-1);
            changeRow.set(-1);
            changePosition.set("");
            tokenFigure.set("");
            return;
        }
        DiffStats s = result.text().stats();
        diffSummary.set(s.identical() ? (result.text().options().ignoreWhitespace() ? "No differences (whitespace ignored)" : "No differences")
                : plural(s.changes(), "change") + " · " + plural(s.hunks(), "hunk") + " · +" + s.added() + " −" + s.removed());
        message.set(s.identical() ? diffSummary.get() + "." : "");
        if (s.approximate()) {
            notes.add("The versions differ too much for an exact line match in the time allowed: the diff is simplified "
                    + "(still exact as a patch).");
        }
        change.set(-1);
        changeRow.set(-1);
        changeHunk.set(-1);
        if (!s.identical()) {
            goToChange(0);
        } else {
            changePosition.set("");
        }
        countTokens(result);
    }

    private void countTokens(FileDiff result) {
        tokenFigure.set("Counting tokens…");
        long request = diffRequest;
        jobs.run("Counting tokens", job -> result.tokens(), t -> {
            if (request == diffRequest) {
                tokenFigure.set(tokenText(result, t));
            }
        }, e -> tokenFigure.set(""));
    }

    static String tokenText(FileDiff d, TokenSavings t) {
        String verdict = t.savedPercent() >= 0 ? String.format(Locale.ROOT, "%.0f%% fewer", t.savedPercent())
                : String.format(Locale.ROOT, "%.0f%% more", -t.savedPercent());
        return String.format(Locale.ROOT, "Tokens: %s %,d · diff %,d · %s", d.toLabel(), t.fullTokens(), t.diffTokens(), verdict);
    }

    private void showNoDiff(String why) {
        loading.set(false);
        textShown.set(false);
        diff.set(null);
        notes.clear();
        message.set(why);
        diffSummary.set("");
        changePosition.set("");
        tokenFigure.set("");
        change.set(-1);
        changeRow.set(-1);
    }

    private void contextChanged() {
        FileDiff current = diff.get();
        if (current == null || current.binary()) {
            return;
        }
        int lines = Math.max(0, context.get());
        long request = ++diffRequest;
        diffJob.cancel();
        diffJob = jobs.run("Regrouping hunks", job -> prepared(current.withContext(lines)), result -> {
            if (request == diffRequest) {
                int keep = change.get();
                show(result);
                if (keep > 0) {
                    goToChange(keep);
                }
            }
        }, e -> errors.accept("Files: changing the context", e));
    }

    /** Moves to the next change (Alt+Down, F7); stays on the last one. */
    public void nextChange() {
        goToChange(change.get() + 1);
    }

    /** Moves to the previous change (Alt+Up, Shift+F7); stays on the first one. */
    public void previousChange() {
        goToChange(change.get() - 1);
    }

    private void goToChange(int index) {
        FileDiff d = diff.get();
        if (d == null || d.binary()) {
            return;
        }
        List<Integer> starts = d.text().changeStarts();
        if (starts.isEmpty()) {
            return;
        }
        int i = Math.max(0, Math.min(starts.size() - 1, index));
        int seen = 0;
        int hunk = 0;
        List<TextDiff.Hunk> hunks = d.text().hunks();
        for (int h = 0; h < hunks.size(); h++) {
            seen += hunks.get(h).blocks().size();
            if (i < seen) {
                hunk = h;
                break;
            }
        }
        changeHunk.set(hunk);
        change.set(i);
        changeRow.set(starts.get(i));
        changePosition.set("Change " + (i + 1) + " of " + starts.size());
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    // ------------------------------------------------------------------ sessions

    private void loadSessions(AppRef chosen) {
        jobs.run("Loading the sessions of " + chosen.name(), job -> history.sessions(chosen.id()), list -> {
            sessions.setAll(list);
            changes.clear();
            sessionSummary.set(list.isEmpty() ? "No sessions for this app." : "Pick a session to see what it changed.");
        }, e -> errors.accept("Files: loading the sessions", e));
    }

    private void loadChanges(SessionSpan chosen) {
        changes.clear();
        if (chosen == null) {
            return;
        }
        jobs.run("Finding what the session changed", job -> history.sessionChanges(chosen.id().toString()), (SessionChanges c) -> {
            if (!Objects.equals(session.get(), chosen)) {
                return;
            }
            changes.setAll(c.files());
            if (c.session().firstMessage() == null) {
                sessionSummary.set("This session has no messages, so no time range.");
            } else {
                sessionSummary.set((c.files().isEmpty() ? "No file" : plural(c.files().size(), "file"))
                        + " changed between its first and last message (" + plural(c.session().messages(), "message")
                        + "). Click one to see its diff.");
            }
        }, e -> errors.accept("Files: what the session changed", e));
    }

    /** Opens a session's change: its file, the version before the session against its last version in it. */
    public void openChange(ChangedFile change) {
        if (change == null) {
            return;
        }
        files.stream().filter(f -> f.id().equals(change.fileId())).findFirst()
                .ifPresent(f -> selectFile(f, change.created() ? FileHistory.EMPTY : change.fromVersion(), change.toVersion()));
    }

    // ------------------------------------------------------------------ revert

    private void checkWriteAccess() {
        jobs.run("Checking write access", job -> VersionReverter.writeAccess(writable()), access -> {
            canWrite.set(access.writable());
            writeReason.set(access.writable() ? "" : "Revert is off: " + access.reason() + ".");
        }, e -> {
            canWrite.set(false);
            writeReason.set("Revert is off: " + (e instanceof WardenException w ? w.line() : String.valueOf(e.getMessage())));
        });
    }

    private Database writable() {
        Database db = writable;
        if (db == null || db.isClosed()) {
            synchronized (this) {
                if (writable == null || writable.isClosed()) {
                    writable = writableOpener.apply(profile);
                }
                db = writable;
            }
        }
        return db;
    }

    /** Whether the chosen version can be made the head from here. */
    public boolean canRevert(FileVersion version) {
        return canWrite.get() && version != null && !version.head() && file.get() != null;
    }

    /** The question asked before the chosen version (the one selected in the versions table) is made the head. */
    public String revertChosenQuestion() {
        FileVersion v = chosenVersion.get();
        return v == null ? "" : revertQuestion(v);
    }

    /** Writes the revert of the chosen version, after the user confirmed. */
    public void revertChosen() {
        revert(chosenVersion.get());
    }

    /** The unified diff shown, for the clipboard; null when there is none. */
    public String patch() {
        FileDiff d = diff.get();
        return d == null || d.binary() ? null : d.unified();
    }

    /** What the token figure means, for its tooltip. */
    public String tokenExplanation() {
        return "Tokens (" + com.warden.app.text.Tokens.encodingName() + ") of the whole new version against tokens of the "
                + "unified diff: what sending a diff instead of the file saves. Seed 000 claimed 80%.";
    }

    /** The question the confirmation asks before writing. */
    public String revertQuestion(FileVersion version) {
        FileEntry f = file.get();
        int next = versions.stream().mapToInt(FileVersion::version).max().orElse(0) + 1;
        String head = f == null || f.headVersion() == null ? "its head pointer is broken" : "v" + f.headVersion() + " stays in the history";
        return "Make " + version.label() + " the head of " + (f == null ? "this file" : f.path()) + "?\n\n"
                + "Warden writes v" + next + " with the content of " + version.label() + " (" + String.format(Locale.ROOT, "%,d", version.sizeBytes())
                + " bytes, sha256 " + version.shortDigest() + "…) and moves the head to it, in one transaction with the file "
                + "row locked; " + head + ". Database: " + profile.label() + ".";
    }

    /** Writes the revert (after the user confirmed), then shows the new head against the old one. */
    public void revert(FileVersion version) {
        FileEntry f = file.get();
        if (!canRevert(version) || f == null) {
            status.set(writeReason.get().isEmpty() ? "That version is already the head." : writeReason.get());
            return;
        }
        UUID fileId = f.id();
        jobs.run("Making " + version.label() + " the head of " + f.path(),
                job -> new VersionReverter(writable()).makeHead(fileId, version.version(), null),
                (RevertResult r) -> {
                    status.set(r.path() + ": v" + r.restoredVersion() + " restored as v" + r.newVersion() + ", now the head.");
                    AppRef current = app.get();
                    if (current != null) {
                        loadFiles(current, r.path());
                    }
                },
                e -> {
                    status.set(e instanceof WardenException w ? w.line() : "The revert failed.");
                    if (!(e instanceof WardenException)) {
                        errors.accept("Files: revert", e);
                    }
                });
    }

    /** The connection is going away: stop what runs and close the writing pool. */
    public void dispose() {
        disposed = true;
        diffJob.cancel();
        versionsJob.cancel();
        Database db = writable;
        writable = null;
        if (db != null) {
            Thread closer = new Thread(db::close, "warden-files-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<AppRef> apps() { return apps; }
    public ObjectProperty<AppRef> appProperty() { return app; }
    public ObservableList<FileEntry> files() { return files; }
    public ReadOnlyObjectProperty<FileTree> treeProperty() { return tree.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FileEntry> fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyStringProperty fileTitleProperty() { return fileTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty fileFactsProperty() { return fileFacts.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headProblemProperty() { return headProblem.getReadOnlyProperty(); }
    public ObservableList<FileVersion> versions() { return versions; }
    public ObjectProperty<FileVersion> fromProperty() { return from; }
    public ObjectProperty<FileVersion> toProperty() { return to; }
    public BooleanProperty ignoreWhitespaceProperty() { return ignoreWhitespace; }
    public BooleanProperty unifiedProperty() { return unified; }
    public IntegerProperty contextProperty() { return context; }
    public ReadOnlyObjectProperty<FileDiff> diffProperty() { return diff.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty changeProperty() { return change.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty changeRowProperty() { return changeRow.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty changeHunkProperty() { return changeHunk.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty textShownProperty() { return textShown.getReadOnlyProperty(); }
    public ObjectProperty<FileVersion> chosenVersionProperty() { return chosenVersion; }
    public ReadOnlyBooleanProperty canRevertChosenProperty() { return canRevertChosen.getReadOnlyProperty(); }
    public ReadOnlyStringProperty diffSummaryProperty() { return diffSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty changePositionProperty() { return changePosition.getReadOnlyProperty(); }
    public ReadOnlyStringProperty tokenFigureProperty() { return tokenFigure.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ObservableList<String> notes() { return notes; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canWriteProperty() { return canWrite.getReadOnlyProperty(); }
    public ReadOnlyStringProperty writeReasonProperty() { return writeReason.getReadOnlyProperty(); }
    public ObservableList<SessionSpan> sessions() { return sessions; }
    public ObjectProperty<SessionSpan> sessionProperty() { return session; }
    public ObservableList<ChangedFile> changes() { return changes; }
    public ReadOnlyStringProperty sessionSummaryProperty() { return sessionSummary.getReadOnlyProperty(); }
}
