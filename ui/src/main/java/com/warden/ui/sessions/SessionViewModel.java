package com.warden.ui.sessions;

import com.warden.app.job.JobCancelledException;
import com.warden.app.sessions.Decision;
import com.warden.app.sessions.FindHit;
import com.warden.app.sessions.KeyFact;
import com.warden.app.sessions.LiveTail;
import com.warden.app.sessions.MessagePage;
import com.warden.app.sessions.MessageRow;
import com.warden.app.sessions.Prelude;
import com.warden.app.sessions.PreludeBuilder;
import com.warden.app.sessions.SessionBrowser;
import com.warden.app.sessions.SessionDetail;
import com.warden.app.sessions.SessionExporter;
import com.warden.app.sessions.SessionMemory;
import com.warden.app.sessions.SessionNotFoundException;
import com.warden.app.sessions.SessionRow;
import com.warden.app.sessions.TimelineWindow;
import com.warden.app.sessions.WorkingSetEntry;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.ErrorReport;
import com.warden.ui.common.JobHandle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One open session: its head, the timeline (a bounded window of pages, keyset both ways), memory,
 * prelude with a token budget, working set, decisions, find, live tail, export. Every database
 * call is a background job; a session deleted while open flips {@link #deletedProperty()} and the
 * view keeps what it had.
 */
public final class SessionViewModel {
    public static final int PAGE = 50;
    static final long POLL_MS = 1000;
    static final int FIND_LIMIT = 200;

    /** What the view does with the list's scroll position after the view-model changed the window. */
    public interface ViewListener {
        /** {@code count} rows were put before the first one: keep the same rows in view. */
        default void prepended(int count) { }

        /** {@code count} rows were dropped at the start: keep the same rows in view. */
        default void droppedAtStart(int count) { }

        /** New rows arrived at the end (live): follow them if the view was at the end. */
        default void appended(int count) { }

        default void scrollToIndex(int index) { }

        default void scrollToEnd() { }
    }

    private final SessionBrowser browser;
    private final UUID id;
    private final BackgroundJobs jobs;
    private final Consumer<ErrorReport> errors;
    private final Executor fx;
    private final ScheduledExecutorService ticker;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper meta = new ReadOnlyStringWrapper(this, "meta", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    private final ObservableList<MessageItem> messages = FXCollections.observableArrayList();
    private final TimelineWindow window = new TimelineWindow(new RowList<>(messages, MessageItem::new, MessageItem::row),
            TimelineWindow.DEFAULT_CAPACITY);
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(this, "hasOlder");
    private final ReadOnlyBooleanWrapper hasNewer = new ReadOnlyBooleanWrapper(this, "hasNewer");
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(this, "loadingOlder");
    private final ReadOnlyBooleanWrapper loadingNewer = new ReadOnlyBooleanWrapper(this, "loadingNewer");
    private final ReadOnlyStringWrapper timelineStatus = new ReadOnlyStringWrapper(this, "timelineStatus", "");
    private final ReadOnlyStringWrapper timelineEmpty = new ReadOnlyStringWrapper(this, "timelineEmpty", "Loading messages…");

    private final ReadOnlyBooleanWrapper memoryPresent = new ReadOnlyBooleanWrapper(this, "memoryPresent");
    private final ReadOnlyStringWrapper memoryLine = new ReadOnlyStringWrapper(this, "memoryLine", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<MemoryItems.Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<String> constraints = FXCollections.observableArrayList();
    private final ObservableList<MemoryItems.DecisionItem> decisions = FXCollections.observableArrayList();
    private final ObservableList<MemoryItems.FileItem> files = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper preludeText = new ReadOnlyStringWrapper(this, "preludeText", "");
    private final ReadOnlyStringWrapper preludeLine = new ReadOnlyStringWrapper(this, "preludeLine", "");
    private final ReadOnlyIntegerWrapper preludeTokens = new ReadOnlyIntegerWrapper(this, "preludeTokens");
    private final ReadOnlyIntegerWrapper fullTokens = new ReadOnlyIntegerWrapper(this, "fullTokens");
    private final ReadOnlyObjectWrapper<Integer> budget = new ReadOnlyObjectWrapper<>(this, "budget");
    private final ReadOnlyStringWrapper budgetError = new ReadOnlyStringWrapper(this, "budgetError", "");
    private final ObservableList<MemoryItems.PartItem> parts = FXCollections.observableArrayList();

    private final BooleanProperty live = new SimpleBooleanProperty(this, "live", true);
    private final ReadOnlyIntegerWrapper newBelow = new ReadOnlyIntegerWrapper(this, "newBelow");
    private final ReadOnlyStringWrapper liveLine = new ReadOnlyStringWrapper(this, "liveLine", "");

    private final ReadOnlyBooleanWrapper deleted = new ReadOnlyBooleanWrapper(this, "deleted");
    private final ReadOnlyStringWrapper deletedLine = new ReadOnlyStringWrapper(this, "deletedLine", "");

    private final StringProperty findText = new SimpleStringProperty(this, "findText", "");
    private final ReadOnlyStringWrapper findLine = new ReadOnlyStringWrapper(this, "findLine", "");
    private final ReadOnlyObjectWrapper<UUID> highlighted = new ReadOnlyObjectWrapper<>(this, "highlighted");
    private final ReadOnlyBooleanWrapper finding = new ReadOnlyBooleanWrapper(this, "finding");
    private final List<FindHit> hits = new ArrayList<>();
    private int hitIndex = -1;
    private String hitsFor;
    private JobHandle findJob = JobHandle.NONE;

    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final ReadOnlyStringWrapper exportLine = new ReadOnlyStringWrapper(this, "exportLine", "");
    private JobHandle exportJob = JobHandle.NONE;

    private ViewListener listener = new ViewListener() { };
    private PreludeBuilder.Input preludeInput;
    private SessionRow head;
    private LiveTail tail;
    private boolean polling;
    private ScheduledFuture<?> pollTimer;
    private Instant lastCheck;
    private boolean disposed;

    SessionViewModel(SessionBrowser browser, UUID id, String title, BackgroundJobs jobs, Consumer<ErrorReport> errors,
                     Executor fx, ScheduledExecutorService ticker) {
        this.browser = browser;
        this.id = id;
        this.jobs = jobs;
        this.errors = errors;
        this.fx = fx;
        this.ticker = ticker;
        this.title.set(title);
        live.addListener((obs, old, on) -> liveLine.set(on ? liveText() : "Live tail paused"));
    }

    // ------------------------------------------------------------------ properties

    public UUID id() { return id; }
    public String idText() { return id.toString(); }
    public String viewedAs() { return browser.viewingAs() == null ? "" : browser.viewingAs().email(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyStringProperty metaProperty() { return meta.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ObservableList<MessageItem> messages() { return messages; }
    public ReadOnlyBooleanProperty hasOlderProperty() { return hasOlder.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasNewerProperty() { return hasNewer.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingOlderProperty() { return loadingOlder.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingNewerProperty() { return loadingNewer.getReadOnlyProperty(); }
    public ReadOnlyStringProperty timelineStatusProperty() { return timelineStatus.getReadOnlyProperty(); }
    public ReadOnlyStringProperty timelineEmptyProperty() { return timelineEmpty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty memoryPresentProperty() { return memoryPresent.getReadOnlyProperty(); }
    public ReadOnlyStringProperty memoryLineProperty() { return memoryLine.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ObservableList<MemoryItems.Fact> facts() { return facts; }
    public ObservableList<String> constraints() { return constraints; }
    public ObservableList<MemoryItems.DecisionItem> decisions() { return decisions; }
    public ObservableList<MemoryItems.FileItem> files() { return files; }
    public ReadOnlyStringProperty preludeTextProperty() { return preludeText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty preludeLineProperty() { return preludeLine.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty preludeTokensProperty() { return preludeTokens.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty fullTokensProperty() { return fullTokens.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Integer> budgetProperty() { return budget.getReadOnlyProperty(); }
    public ReadOnlyStringProperty budgetErrorProperty() { return budgetError.getReadOnlyProperty(); }
    public ObservableList<MemoryItems.PartItem> parts() { return parts; }
    public BooleanProperty liveProperty() { return live; }
    public ReadOnlyIntegerProperty newBelowProperty() { return newBelow.getReadOnlyProperty(); }
    public ReadOnlyStringProperty liveLineProperty() { return liveLine.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty deletedProperty() { return deleted.getReadOnlyProperty(); }
    public ReadOnlyStringProperty deletedLineProperty() { return deletedLine.getReadOnlyProperty(); }
    public StringProperty findTextProperty() { return findText; }
    public ReadOnlyStringProperty findLineProperty() { return findLine.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<UUID> highlightedProperty() { return highlighted.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty findingProperty() { return finding.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty exportingProperty() { return exporting.getReadOnlyProperty(); }
    public ReadOnlyStringProperty exportLineProperty() { return exportLine.getReadOnlyProperty(); }

    /** The drop order, said plainly, for the prelude panel. */
    public static List<String> dropOrder() {
        return Prelude.DROP_ORDER;
    }

    public static String alwaysKept() {
        return Prelude.ALWAYS_KEPT;
    }

    public void setViewListener(ViewListener l) {
        this.listener = l == null ? new ViewListener() { } : l;
    }

    // ------------------------------------------------------------------ loading

    private record Loaded(SessionDetail detail, MessagePage latest, List<WorkingSetEntry> workingSet, List<Decision> decisions,
                          PreludeBuilder.Input prelude) { }

    /** Opens the session: head and memory, the newest page, working set, decisions, the prelude's parts. */
    public void load() {
        if (disposed) {
            return;
        }
        run("Opening \"" + title.get() + "\"…", ctx -> new Loaded(browser.detail(id), browser.latest(id, PAGE),
                browser.workingSet(id), browser.decisions(id, 20), browser.preludeInput(id, 0)), this::show, this::failed);
    }

    /** F5: everything again; the timeline opens at the newest page. */
    public void reload() {
        if (!deleted.get()) {
            load();
        }
    }

    private void show(Loaded l) {
        head(l.detail().session());
        SessionMemory m = l.detail().memory();
        memoryPresent.set(m.present());
        memoryLine.set(!m.present() ? "This session has no memory row: no summary, key facts or constraints were recorded."
                : m.isEmpty() ? "The memory row is empty." : "Memory updated " + Fmt.when(m.updatedAt()));
        summary.set(m.rollingSummary());
        facts.setAll(m.keyFacts().stream().map((KeyFact f) -> new MemoryItems.Fact(f.label(), f.value())).toList());
        constraints.setAll(m.constraints());
        decisions.setAll(l.decisions().stream().map(d -> new MemoryItems.DecisionItem(d.summary(),
                d.rationale() == null ? "" : d.rationale(), Fmt.when(d.createdAt()))).toList());
        files.setAll(l.workingSet().stream().map(w -> new MemoryItems.FileItem(w.path(), w.reason() == null ? "" : w.reason(),
                w.pinnedBy(), Fmt.bytes(w.sizeBytes()), w.headVersion() == null ? "" : "v" + w.headVersion(),
                Fmt.when(w.pinnedAt()), w.historyLink())).toList());
        preludeInput = l.prelude();
        rebuildPrelude(budget.get());
        window.reset(l.latest());
        afterWindowChange();
        newBelow.set(0);
        timelineEmpty.set("This session has no messages yet.");
        listener.scrollToEnd();
        tail = browser.tail(id, l.latest());
        loaded.set(true);
        startPolling();
    }

    private void head(SessionRow s) {
        head = s;
        title.set(s.title());
        meta.set(s.appName() + "  ·  " + s.userName() + " <" + s.userEmail() + ">  ·  " + s.status() + "  ·  "
                + Fmt.plural(s.messageCount(), "message", "messages") + "  ·  " + Fmt.count(s.totalTokens()) + " tokens  ·  created "
                + Fmt.shortWhen(s.createdAt()) + "  ·  last activity " + Fmt.shortWhen(s.lastActivityAt()));
        afterWindowChange();
    }

    private void afterWindowChange() {
        hasOlder.set(window.hasOlder());
        hasNewer.set(window.hasNewer());
        long total = head == null ? messages.size() : head.messageCount();
        if (messages.isEmpty()) {
            timelineStatus.set(total == 0 ? "No messages" : "");
        } else if (!window.hasOlder() && !window.hasNewer()) {
            timelineStatus.set("All " + Fmt.plural(messages.size(), "message", "messages"));
        } else {
            timelineStatus.set(Fmt.count(messages.size()) + " of " + Fmt.plural(Math.max(total, messages.size()), "message", "messages")
                    + " held" + (window.hasOlder() ? " · scroll up for older" : "") + (window.hasNewer() ? " · scroll down for newer" : ""));
        }
    }

    /** One page back in history (when the view scrolls near the top). */
    public void older() {
        if (loadingOlder.get() || !window.hasOlder() || deleted.get() || messages.isEmpty()) {
            return;
        }
        loadingOlder.set(true);
        var cursor = window.oldest();
        run("Loading older messages…", ctx -> browser.before(id, cursor, PAGE), page -> {
            loadingOlder.set(false);
            if (!cursor.equals(window.oldest())) {
                return; // the window moved meanwhile (jump, reload)
            }
            int added = window.prependOlder(page);
            afterWindowChange();
            listener.prepended(added);
        }, e -> {
            loadingOlder.set(false);
            failed(e);
        });
    }

    /** One page forward (when the view scrolls near the bottom of a window that is not at the live end). */
    public void newer() {
        if (loadingNewer.get() || !window.hasNewer() || deleted.get() || messages.isEmpty()) {
            return;
        }
        loadingNewer.set(true);
        var cursor = window.newestHeld();
        run("Loading newer messages…", ctx -> browser.after(id, cursor, PAGE), page -> {
            loadingNewer.set(false);
            if (!cursor.equals(window.newestHeld())) {
                return;
            }
            int dropped = window.appendNewer(page);
            if (!window.hasNewer()) {
                newBelow.set(0);
            }
            afterWindowChange();
            listener.droppedAtStart(dropped);
        }, e -> {
            loadingNewer.set(false);
            failed(e);
        });
    }

    /** Jump to the newest page (the live end). */
    public void newest() {
        jump("Loading the newest messages…", () -> browser.latest(id, PAGE), true);
    }

    /** Jump to the first page of the session. */
    public void oldest() {
        jump("Loading the first messages…", () -> browser.oldest(id, PAGE), false);
    }

    private interface PageSource {
        MessagePage get();
    }

    private void jump(String what, PageSource source, boolean toEnd) {
        if (deleted.get()) {
            return;
        }
        run(what, ctx -> source.get(), page -> {
            window.reset(page);
            if (!window.hasNewer()) {
                newBelow.set(0);
            }
            highlighted.set(null);
            afterWindowChange();
            if (toEnd) {
                listener.scrollToEnd();
            } else {
                listener.scrollToIndex(0);
            }
        }, this::failed);
    }

    /** The whole text of a message ("show all"), handed to {@code then} on the FX thread. */
    public void fullContent(MessageItem item, Consumer<String> then) {
        if (!item.truncated()) {
            // the page brought all of it
            then.accept(item.content());
            return;
        }
        run("Loading the whole message (" + Fmt.bytes(item.row().contentBytes()) + ")…",
                ctx -> browser.fullContent(id, item.id()), then::accept, this::failed);
    }

    // ------------------------------------------------------------------ prelude budget

    /** Sets the token budget from what was typed (blank: none) and rebuilds the prelude off the FX thread. */
    public void setBudget(String text) {
        String t = text == null ? "" : text.strip().replace(",", "");
        Integer b = null;
        if (!t.isEmpty()) {
            try {
                b = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                budgetError.set("'" + text.strip() + "' is not a number of tokens.");
                return;
            }
            if (b <= 0) {
                budgetError.set("The budget must be a positive number of tokens.");
                return;
            }
        }
        budgetError.set("");
        rebuildPrelude(b);
    }

    private void rebuildPrelude(Integer b) {
        PreludeBuilder.Input input = preludeInput;
        if (input == null) {
            return;
        }
        budget.set(b);
        run("Building the prelude…", ctx -> {
            Prelude p = PreludeBuilder.build(input, b);
            p.parts(); // count the parts here, off the FX thread
            return p;
        }, p -> {
            if (input != preludeInput || !java.util.Objects.equals(b, budget.get())) {
                return;
            }
            preludeText.set(p.text());
            preludeTokens.set(p.tokenCount());
            fullTokens.set(p.fullTokenCount());
            parts.setAll(p.parts().stream().map(x -> new MemoryItems.PartItem(
                    x.section().heading() == null ? "Header" : x.section().heading(), x.section().name().toLowerCase(Locale.ROOT),
                    x.text(), x.tokens(), x.kept(), x.dropRank())).toList());
            StringBuilder line = new StringBuilder(Fmt.count(p.tokenCount()) + " tokens (" + p.encoding() + ")");
            if (p.budget() != null) {
                line.append(" · budget ").append(Fmt.count(p.budget()));
                int dropped = p.droppedParts().size();
                line.append(dropped == 0 ? " · nothing dropped"
                        : " · " + Fmt.plural(dropped, "part", "parts") + " dropped of " + Fmt.count(p.fullTokenCount()) + " tokens");
                if (!p.withinBudget()) {
                    line.append(" · the Session and App lines alone exceed the budget");
                }
            }
            preludeLine.set(line.toString());
        }, this::failed);
    }

    // ------------------------------------------------------------------ find

    /** Finds the text in the whole session (ignoring case) and jumps to the first hit; again: the next hit. */
    public void find() {
        String text = findText.get() == null ? "" : findText.get().strip();
        if (text.isEmpty()) {
            clearFind();
            return;
        }
        if (text.equals(hitsFor) && !hits.isEmpty()) {
            nextHit();
            return;
        }
        findJob.cancel();
        finding.set(true);
        findLine.set("Finding…");
        findJob = run("Finding \"" + text + "\" in the session…", ctx -> browser.find(id, text, null, FIND_LIMIT, ctx), found -> {
            finding.set(false);
            hits.clear();
            hits.addAll(found);
            hitsFor = text;
            hitIndex = -1;
            if (found.isEmpty()) {
                findLine.set("No message contains \"" + text + "\"");
                highlighted.set(null);
            } else {
                nextHit();
            }
        }, e -> {
            finding.set(false);
            findLine.set("");
            failed(e);
        });
    }

    public void nextHit() {
        goToHit(hitIndex + 1);
    }

    public void previousHit() {
        goToHit(hitIndex - 1);
    }

    private void goToHit(int i) {
        if (hits.isEmpty()) {
            return;
        }
        hitIndex = Math.floorMod(i, hits.size());
        FindHit hit = hits.get(hitIndex);
        findLine.set((hitIndex + 1) + " of " + hits.size() + (hits.size() >= FIND_LIMIT ? "+" : "") + " messages");
        int held = indexOf(hit.messageId());
        if (held >= 0) {
            highlighted.set(hit.messageId());
            listener.scrollToIndex(held);
            return;
        }
        run("Opening the timeline at the hit…", ctx -> browser.around(id, hit.cursor(), 10, 40), page -> {
            window.reset(page);
            afterWindowChange();
            highlighted.set(hit.messageId());
            listener.scrollToIndex(Math.max(0, indexOf(hit.messageId())));
        }, this::failed);
    }

    public void clearFind() {
        findJob.cancel();
        hits.clear();
        hitsFor = null;
        hitIndex = -1;
        findLine.set("");
        highlighted.set(null);
    }

    private int indexOf(UUID messageId) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ live tail

    private void startPolling() {
        if (ticker == null || pollTimer != null || disposed) {
            return;
        }
        pollTimer = ticker.scheduleWithFixedDelay(() -> fx.execute(this::pollIfDue), POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        liveLine.set(liveText());
    }

    private String liveText() {
        return "Live" + (lastCheck == null ? "" : " · checked " + Fmt.clock(lastCheck));
    }

    private void pollIfDue() {
        if (live.get()) {
            pollNow();
        }
    }

    /** One incremental query for rows after the last one seen (the timer calls this every second while live). */
    public void pollNow() {
        if (polling || tail == null || deleted.get() || disposed) {
            return;
        }
        polling = true;
        LiveTail t = tail;
        run("Checking for new messages…", ctx -> t.poll(), update -> {
            polling = false;
            if (t != tail) {
                return;
            }
            lastCheck = Instant.now();
            if (update.gone()) {
                markDeleted(null);
                return;
            }
            head(update.session().orElseThrow());
            List<MessageRow> added = update.added();
            if (!added.isEmpty()) {
                if (window.hasNewer()) {
                    newBelow.set(newBelow.get() + added.size());
                } else {
                    int before = messages.size();
                    int dropped = window.mergeLive(added);
                    afterWindowChange();
                    if (dropped > 0) {
                        listener.droppedAtStart(dropped);
                    }
                    listener.appended(messages.size() - before + dropped);
                }
            }
            if (live.get()) {
                liveLine.set(liveText());
            }
        }, e -> {
            polling = false;
            failed(e);
        });
    }

    // ------------------------------------------------------------------ export

    /** Writes the whole session to {@code target}; progress goes to the status bar; {@link #cancelExport()} stops it. */
    public void export(String format, Path target) {
        SessionExporter.Format f = SessionExporter.Format.parse(format);
        exporting.set(true);
        exportLine.set("Exporting to " + target.getFileName() + "…");
        exportJob = run("Exporting \"" + title.get() + "\"…", ctx -> new SessionExporter(browser).exportTo(id, f, target, ctx), n -> {
            exporting.set(false);
            exportLine.set("Exported " + Fmt.plural(n, "message", "messages") + " to " + target);
        }, e -> {
            exporting.set(false);
            if (isCancel(e)) {
                exportLine.set("Export cancelled; nothing was written.");
            } else {
                exportLine.set("");
                failed(e);
            }
        });
    }

    public void cancelExport() {
        exportJob.cancel();
        if (exporting.get()) {
            exporting.set(false);
            exportLine.set("Export cancelled; nothing was written.");
        }
    }

    public String suggestedFileName(String format) {
        String base = title.get().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("(^-+|-+$)", "");
        return (base.isEmpty() ? "session" : base.toLowerCase(Locale.ROOT)) + "-" + id.toString().substring(0, 8) + "."
                + SessionExporter.Format.parse(format).extension();
    }

    private static boolean isCancel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JobCancelledException || t instanceof CancellationException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ errors and end

    private void failed(Throwable e) {
        SessionNotFoundException gone = find(e);
        if (gone != null) {
            markDeleted(gone.getMessage());
            return;
        }
        errors.accept(ErrorReport.handled("the session \"" + title.get() + "\"", e));
    }

    private void markDeleted(String reason) {
        if (deleted.get()) {
            return;
        }
        deleted.set(true);
        live.set(false);
        stopPolling();
        deletedLine.set((reason != null && reason.contains("visible to") ? reason
                : "This session was deleted (noticed at " + Fmt.clock(Instant.now()) + ").")
                + " What was loaded before stays on screen; nothing more can be loaded.");
        liveLine.set("Live tail stopped");
        loaded.set(true);
        timelineEmpty.set("Nothing was loaded before the session went away.");
    }

    private static SessionNotFoundException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SessionNotFoundException s) {
                return s;
            }
        }
        return null;
    }

    private void stopPolling() {
        if (pollTimer != null) {
            pollTimer.cancel(false);
            pollTimer = null;
        }
    }

    /** The tab closed or the connection is going away. */
    public void dispose() {
        disposed = true;
        stopPolling();
        findJob.cancel();
    }

    /**
     * Submits a background job. After the window closed, the jobs' threads are gone while a timer
     * tick may still arrive: the view-model then stops instead of failing.
     */
    private <T> JobHandle run(String title, com.warden.app.job.Job<T> job, Consumer<? super T> ok, Consumer<? super Throwable> fail) {
        try {
            return jobs.run(title, job, ok, fail);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            dispose();
            return JobHandle.NONE;
        }
    }
}
