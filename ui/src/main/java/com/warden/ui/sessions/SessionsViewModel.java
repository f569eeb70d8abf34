package com.warden.ui.sessions;

import com.warden.app.WardenException;
import com.warden.app.connect.Database;
import com.warden.app.sessions.RlsStatus;
import com.warden.app.sessions.SessionBrowser;
import com.warden.app.sessions.SessionCursor;
import com.warden.app.sessions.SessionFilter;
import com.warden.app.sessions.SessionPage;
import com.warden.app.sessions.SessionQuery;
import com.warden.app.sessions.UserRef;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.ErrorReport;
import com.warden.ui.common.JobHandle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session list: filters, title search, keyset pages loaded as the table scrolls, "view as
 * user", and the sessions opened in tabs. The only caller of the sessions engine for the list;
 * every call is a background job; every property changes on the FX thread.
 */
public final class SessionsViewModel {
    public static final int PAGE = 100;
    public static final List<String> STATUSES = List.of("Any status", "active", "idle", "archived");
    static final long DEBOUNCE_MS = 300;

    private final SessionBrowser base;
    private final BackgroundJobs jobs;
    private final Consumer<ErrorReport> errors;
    private final Executor fx;
    private final ScheduledExecutorService ticker;
    private SessionBrowser browser;

    // filters, as typed
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty app = new SimpleStringProperty(this, "app", "");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status", STATUSES.get(0));
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty viewAsText = new SimpleStringProperty(this, "viewAsText", "");

    // state
    private final ObservableList<SessionItem> rows = FXCollections.observableArrayList();
    private final ObservableList<String> userSuggestions = FXCollections.observableArrayList();
    private final ObservableList<String> appSuggestions = FXCollections.observableArrayList();
    private final ObservableList<SessionViewModel> openSessions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper footer = new ReadOnlyStringWrapper(this, "footer", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "Loading sessions…");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ReadOnlyStringWrapper rlsLine = new ReadOnlyStringWrapper(this, "rlsLine", "");
    private final ReadOnlyBooleanWrapper rlsAvailable = new ReadOnlyBooleanWrapper(this, "rlsAvailable");
    private final ReadOnlyObjectWrapper<UserChoice> viewingAs = new ReadOnlyObjectWrapper<>(this, "viewingAs", UserChoice.CONNECTED_ROLE);
    private final BooleanProperty autoApply = new SimpleBooleanProperty(true);

    private SessionQuery query;
    private SessionCursor next;
    private int generation;
    private ScheduledFuture<?> pendingSearch;
    private boolean disposed;

    public SessionsViewModel(Database database, BackgroundJobs jobs, Consumer<ErrorReport> errors, Executor fx,
                             ScheduledExecutorService ticker) {
        this.base = new SessionBrowser(database);
        this.browser = base;
        this.jobs = jobs;
        this.errors = errors;
        this.fx = fx;
        this.ticker = ticker;
        search.addListener((obs, old, now) -> debounce());
        status.addListener((obs, old, now) -> applyIfAuto());
        from.addListener((obs, old, now) -> applyIfAuto());
        to.addListener((obs, old, now) -> applyIfAuto());
    }

    // ------------------------------------------------------------------ properties

    public StringProperty searchProperty() { return search; }
    public StringProperty userProperty() { return user; }
    public StringProperty appProperty() { return app; }
    public ObjectProperty<String> statusProperty() { return status; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public StringProperty viewAsTextProperty() { return viewAsText; }
    public ObservableList<SessionItem> rows() { return rows; }
    public ObservableList<String> userSuggestions() { return userSuggestions; }
    public ObservableList<String> appSuggestions() { return appSuggestions; }
    public ObservableList<SessionViewModel> openSessions() { return openSessions; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasMoreProperty() { return hasMore.getReadOnlyProperty(); }
    public ReadOnlyStringProperty footerProperty() { return footer.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty filterErrorProperty() { return filterError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rlsLineProperty() { return rlsLine.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty rlsAvailableProperty() { return rlsAvailable.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<UserChoice> viewingAsProperty() { return viewingAs.getReadOnlyProperty(); }

    /** What "view as" does, for the line next to the picker. */
    public static String viewAsHint() {
        return "only the rows this user's row-level security policies let through. Each read is one read-only "
                + "transaction with app.current_user_id set to this user (as role warden_rls_reader when the "
                + "connected role would bypass RLS).";
    }

    // ------------------------------------------------------------------ actions

    /** First load: what RLS can do here, then the first page. */
    public void load() {
        run("Checking row-level security…", ctx -> base.rlsStatus(), this::showRls, this::failed);
        applyFilters();
        // loads the tokenizer's tables before the first prelude needs them
        run("Loading the tokenizer…", ctx -> com.warden.app.text.Tokens.count("warm up"), n -> { }, this::failed);
    }

    /** F5: the list again from the top, with the same filters; open sessions reload too. */
    public void refresh() {
        applyFilters();
        openSessions.forEach(SessionViewModel::reload);
    }

    private void showRls(RlsStatus s) {
        rlsLine.set(s.line());
        rlsAvailable.set(s.available());
    }

    private void applyIfAuto() {
        if (autoApply.get()) {
            applyFilters();
        }
    }

    private void debounce() {
        if (pendingSearch != null) {
            pendingSearch.cancel(false);
        }
        if (ticker == null) {
            applyFilters();
            return;
        }
        pendingSearch = ticker.schedule(() -> fx.execute(this::applyFilters), DEBOUNCE_MS, TimeUnit.MILLISECONDS);
    }

    /** Resolves the filters and loads the first page (dropping any page still coming for older filters). */
    public void applyFilters() {
        if (disposed) {
            return;
        }
        SessionFilter filter;
        try {
            filter = new SessionFilter(user.get(), app.get(), STATUSES.get(0).equals(status.get()) ? null : status.get(),
                    start(from.get()), end(to.get()), search.get());
        } catch (WardenException e) {
            filterError.set(e.line());
            return;
        }
        filterError.set("");
        int gen = ++generation;
        SessionBrowser b = browser;
        loading.set(true);
        run("Loading sessions…", ctx -> {
            SessionQuery q = b.resolve(filter);
            return new Object[] {q, b.page(q, null, PAGE)};
        }, result -> {
            if (gen != generation) {
                return;
            }
            query = (SessionQuery) result[0];
            SessionPage page = (SessionPage) result[1];
            rows.setAll(page.rows().stream().map(SessionItem::new).toList());
            next = page.next();
            loading.set(false);
            updateFooter(filter);
        }, e -> {
            if (gen == generation) {
                loading.set(false);
                failed(e);
            }
        });
    }

    /** The next page, when the table scrolls near its end. Does nothing while a page is loading or at the end. */
    public void loadMore() {
        if (loading.get() || next == null || query == null || disposed) {
            return;
        }
        int gen = generation;
        SessionQuery q = query;
        SessionCursor after = next;
        SessionBrowser b = browser;
        loading.set(true);
        run("Loading more sessions…", ctx -> b.page(q, after, PAGE), page -> {
            if (gen != generation) {
                return;
            }
            rows.addAll(page.rows().stream().map(SessionItem::new).toList());
            next = page.next();
            loading.set(false);
            updateFooter(q.filter());
        }, e -> {
            if (gen == generation) {
                loading.set(false);
                failed(e);
            }
        });
    }

    private void updateFooter(SessionFilter filter) {
        hasMore.set(next != null);
        String who = viewingAs.get().isUser() ? " visible to " + viewingAs.get().email() : "";
        if (rows.isEmpty()) {
            footer.set("");
            if (query != null && query.matchesNothing()) {
                emptyText.set(filter.userEmail() != null && query.userId() == null
                        ? "No user has the e-mail '" + filter.userEmail() + "'."
                        : "No app is named '" + filter.appName() + "'.");
            } else if (viewingAs.get().isUser()) {
                emptyText.set("No session" + (filter.isEmpty() ? "" : " matching these filters") + " is visible to "
                        + viewingAs.get().email() + ".");
            } else {
                emptyText.set(filter.isEmpty() ? "This project database has no sessions yet." : "No sessions match these filters.");
            }
        } else {
            footer.set(next != null
                    ? Fmt.plural(rows.size(), "session", "sessions") + who + " loaded; more load as you scroll"
                    : "All " + Fmt.plural(rows.size(), "session", "sessions") + who + " shown");
        }
    }

    /** Clears every filter and reloads once. */
    public void clearFilters() {
        autoApply.set(false);
        search.set("");
        user.set("");
        app.set("");
        status.set(STATUSES.get(0));
        from.set(null);
        to.set(null);
        autoApply.set(true);
        if (pendingSearch != null) {
            pendingSearch.cancel(false);
        }
        applyFilters();
    }

    /** Suggestions for the user filter and the view-as picker, by e-mail or name. */
    public void suggestUsers(String text) {
        SessionBrowser b = base;
        run("Looking up users…", ctx -> b.users(text, 50),
                users -> userSuggestions.setAll(users.stream().map(UserRef::email).toList()), this::failed);
    }

    public void suggestApps(String text) {
        SessionBrowser b = browser;
        run("Looking up apps…", ctx -> b.appNames(text, 50), appSuggestions::setAll, this::failed);
    }

    /**
     * View as the user with this e-mail (blank: back to the connected role). The open session
     * tabs belonged to the other point of view and are closed.
     */
    public void viewAs(String email) {
        String e = email == null ? "" : email.strip();
        if (e.isEmpty()) {
            switchTo(base, UserChoice.CONNECTED_ROLE);
            return;
        }
        run("Switching to the view of " + e + "…", ctx -> base.viewAs(base.userByEmail(e)),
                b -> switchTo(b, new UserChoice(b.viewingAs())), this::failed);
    }

    private void switchTo(SessionBrowser b, UserChoice who) {
        browser = b;
        viewingAs.set(who);
        viewAsText.set(who.email());
        List.copyOf(openSessions).forEach(this::close);
        applyFilters();
    }

    /**
     * Opens the session whose id was pasted (any case, with or without hyphens). A malformed or
     * unknown id is said in the line under the filters; nothing else changes.
     */
    public void openById(String text) {
        java.util.UUID id;
        try {
            id = com.warden.app.sessions.SessionIds.parse(text);
        } catch (WardenException e) {
            filterError.set(e.line());
            return;
        }
        filterError.set("");
        SessionBrowser b = browser;
        run("Opening session " + id + "…", ctx -> b.detail(id).session(), row -> open(new SessionItem(row)), e -> {
            if (e instanceof WardenException w) {
                filterError.set(w.line());
            } else {
                failed(e);
            }
        });
    }

    /** Opens a session in its own tab, or returns the tab already open for it. */
    public SessionViewModel open(SessionItem item) {
        for (SessionViewModel open : openSessions) {
            if (open.id().equals(item.id())) {
                return open;
            }
        }
        SessionViewModel vm = new SessionViewModel(browser, item.id(), item.title(), jobs, errors, fx, ticker);
        openSessions.add(vm);
        vm.load();
        return vm;
    }

    public void close(SessionViewModel vm) {
        vm.dispose();
        openSessions.remove(vm);
    }

    /** The connection is going away: stop timers and tails. */
    public void dispose() {
        disposed = true;
        if (pendingSearch != null) {
            pendingSearch.cancel(false);
        }
        openSessions.forEach(SessionViewModel::dispose);
    }

    private void failed(Throwable e) {
        errors.accept(ErrorReport.handled("the session list", e));
    }

    private static Instant start(LocalDate d) {
        return d == null ? null : d.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    /** The "to" date counts whole: up to the start of the next day. */
    private static Instant end(LocalDate d) {
        return d == null ? null : d.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
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
