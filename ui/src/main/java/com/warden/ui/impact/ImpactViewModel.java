package com.warden.ui.impact;

import com.warden.app.WardenException;
import com.warden.app.impact.AppFile;
import com.warden.app.impact.AppInfo;
import com.warden.app.impact.DependedOnReport;
import com.warden.app.impact.Direction;
import com.warden.app.impact.FileKind;
import com.warden.app.impact.ImpactCycle;
import com.warden.app.impact.ImpactEdge;
import com.warden.app.impact.ImpactExport;
import com.warden.app.impact.ImpactGraph;
import com.warden.app.impact.ImpactNode;
import com.warden.app.impact.ImpactRequest;
import com.warden.app.impact.ImpactRoot;
import com.warden.app.impact.ImpactService;
import com.warden.app.impact.RefType;
import com.warden.app.impact.SessionRef;
import com.warden.app.job.JobCancelledException;
import com.warden.ui.common.BackgroundJobs;
import com.warden.ui.common.ErrorReport;
import com.warden.ui.common.JobHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The Impact screen's state and actions. The only caller of {@link ImpactService}; every call
 * runs as a background job whose handlers come back on the FX thread. The graph's layout is
 * computed in the same job, off the FX thread.
 */
public final class ImpactViewModel {

    /** Where the walk starts. */
    public enum Start { FILE, SESSION }

    /** Which way the walk goes. */
    public enum Way { DEPENDENTS, DEPENDENCIES }

    public static final int MIN_DEPTH = ImpactRequest.MIN_DEPTH;
    public static final int MAX_DEPTH = ImpactRequest.MAX_DEPTH;

    /** An app in the picker. */
    public record AppItem(UUID id, String name, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A session in the picker. */
    public record SessionItem(UUID id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One line of the most depended-on table. */
    public record TopRow(String path, int direct, int transitive, boolean inCycle) { }

    /** One line of the table view. */
    public record Row(UUID fileId, int depth, String path, String kind, String via, String types, String cycle, String pathToRoot) { }

    /** One line of a summary (per depth, per reference type, per kind). */
    public record Count(String label, int count, double share, String colour) { }

    /** A walk's result: the graph and its layout, both made off the FX thread. */
    public record Result(ImpactGraph graph, GraphLayout layout) { }

    /** The file history the user asked to open; a plain link until the Files screen takes it. */
    public record FileLink(UUID appId, String appName, UUID fileId, String path) {
        public String uri() {
            return "warden://files/" + appId + "/" + fileId;
        }
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT);

    private final ImpactService service;
    private final BackgroundJobs jobs;
    private final Consumer<ErrorReport> unexpected;

    private final ObservableList<AppItem> apps = FXCollections.observableArrayList();
    private final ObjectProperty<AppItem> app = new SimpleObjectProperty<>(this, "app");
    private final ObservableList<String> files = FXCollections.observableArrayList();
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final ObservableList<SessionItem> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<SessionItem> session = new SimpleObjectProperty<>(this, "session");
    private final ObjectProperty<Start> start = new SimpleObjectProperty<>(this, "start", Start.FILE);
    private final ObjectProperty<Way> way = new SimpleObjectProperty<>(this, "way", Way.DEPENDENTS);
    private final IntegerProperty depth = new SimpleIntegerProperty(this, "depth", ImpactRequest.DEFAULT_DEPTH);
    private final ObservableSet<String> types = FXCollections.observableSet(new java.util.LinkedHashSet<>(typeNames()));
    private final BooleanProperty highlightCycles = new SimpleBooleanProperty(this, "highlightCycles", true);

    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Count> byDepth = FXCollections.observableArrayList();
    private final ObservableList<Count> byType = FXCollections.observableArrayList();
    private final ObservableList<Count> byKind = FXCollections.observableArrayList();
    private final ObservableList<String> cycles = FXCollections.observableArrayList();
    private final ObservableList<TopRow> mostDependedOn = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "Pick an app and a file, then Analyze.");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyObjectWrapper<FileLink> historyRequest = new ReadOnlyObjectWrapper<>(this, "historyRequest");

    private final Deque<ImpactRequest> backStack = new ArrayDeque<>();
    /** The last depth typed was refused: walks wait until it is fixed. */
    private WardenException refusedDepth;
    private ImpactRequest current;
    private JobHandle running = JobHandle.NONE;
    private JobHandle listing = JobHandle.NONE;
    private Consumer<FileLink> historyOpener = historyRequest::set;

    public ImpactViewModel(ImpactService service, BackgroundJobs jobs, Consumer<ErrorReport> unexpected) {
        this.service = service;
        this.jobs = jobs;
        this.unexpected = unexpected;
        app.addListener((o, old, now) -> appChanged(now));
    }

    // ------------------------------------------------------------------ loading

    /** Loads the app list (and selects the first app with references, or the one already chosen). */
    public void loadApps() {
        busy.set(true);
        status.set("Loading apps…");
        jobs.run("Loading apps", ctx -> service.apps(), list -> {
            busy.set(false);
            status.set(String.format("%,d apps", list.size()));
            AppItem chosen = app.get();
            Map<String, Long> names = list.stream().collect(Collectors.groupingBy(AppInfo::name, Collectors.counting()));
            List<AppItem> items = list.stream().map(a -> new AppItem(a.id(),
                    names.get(a.name()) > 1 ? a.name() + " (" + a.owner() + ")" : a.name(),
                    String.format("%,d files, %,d references · %s", a.files(), a.references(), a.owner()))).toList();
            apps.setAll(items);
            if (chosen != null) {
                items.stream().filter(a -> a.id().equals(chosen.id())).findFirst().ifPresent(app::set);
            } else if (!list.isEmpty()) {
                UUID first = list.stream().filter(a -> a.references() > 0).findFirst().orElse(list.get(0)).id();
                items.stream().filter(a -> a.id().equals(first)).findFirst().ifPresent(app::set);
            }
        }, this::failed);
    }

    private void appChanged(AppItem now) {
        listing.cancel();
        files.clear();
        sessions.clear();
        mostDependedOn.clear();
        if (now == null) {
            return;
        }
        Set<RefType> chosenTypes = refTypes();
        listing = jobs.run("Reading the files of " + now.name(), ctx -> {
            List<AppFile> f = service.files(now.id());
            ctx.checkCancelled();
            List<SessionRef> s = service.sessions(now.id());
            ctx.checkCancelled();
            DependedOnReport top = service.mostDependedOn(now.id().toString(), chosenTypes, 200, ctx);
            return new Listing(f, s, top);
        }, listing -> {
            if (!now.equals(app.get())) {
                return;
            }
            files.setAll(listing.files().stream().map(AppFile::path).toList());
            sessions.setAll(listing.sessions().stream().map(x -> new SessionItem(x.id(), x.title()
                    + (x.lastActivity() == null ? "" : " · " + WHEN.format(x.lastActivity())))).toList());
            mostDependedOn.setAll(listing.top().files().stream()
                    .map(f -> new TopRow(f.path(), f.directDependents(), f.transitiveDependents(), f.inCycle())).toList());
            if (session.get() == null || !sessions.contains(session.get())) {
                session.set(sessions.isEmpty() ? null : sessions.get(0));
            }
            if (path.get() == null || path.get().isBlank()
                    || !files.contains(path.get())) {
                // start where a change reaches furthest: the most depended-on file
                path.set(listing.top().files().isEmpty() ? "" : listing.top().files().get(0).path());
            }
            // show something at once: the walk from the chosen (or the most depended-on) file
            if (start.get() == Start.FILE && !path.get().isBlank()) {
                backStack.clear();
                canGoBack.set(false);
                current = null;
                analyze();
            }
        }, this::failed);
    }

    private record Listing(List<AppFile> files, List<SessionRef> sessions, DependedOnReport top) { }

    // ------------------------------------------------------------------ walking

    /** Walks from what the inputs say; a bad input shows as the error line, nothing runs. */
    public void analyze() {
        if (refusedDepth != null) {
            error.set(refusedDepth.line());
            return;
        }
        ImpactRequest request;
        try {
            request = requestFromInputs();
        } catch (WardenException e) {
            error.set(e.line());
            return;
        }
        run(request, true);
    }

    ImpactRequest requestFromInputs() {
        AppItem a = app.get();
        if (a == null) {
            throw new WardenException("Pick an app first.", "the list shows every app of the project");
        }
        ImpactRoot root;
        if (start.get() == Start.SESSION) {
            if (session.get() == null) {
                throw new WardenException("Pick a session first.", "the app's sessions, most recent first");
            }
            root = ImpactRoot.session(session.get().id());
        } else {
            root = ImpactRoot.path(a.id().toString(), path.get());
        }
        if (types.isEmpty()) {
            throw new WardenException("No reference type chosen.", "tick at least one of " + RefType.allNames());
        }
        return new ImpactRequest(root, way.get() == Way.DEPENDENCIES ? Direction.DEPENDENCIES : Direction.DEPENDENTS,
                depth.get(), refTypes());
    }

    /** Walks again from another file of the same app, keeping direction, depth and types; Back returns. */
    public void reRoot(UUID fileId) {
        ImpactRequest base = current != null ? current : requestFromInputs();
        run(base.withRoot(ImpactRoot.file(fileId)), true);
    }

    /** Back to the walk before the last re-root. */
    public void back() {
        if (backStack.isEmpty()) {
            return;
        }
        ImpactRequest previous = backStack.pop();
        canGoBack.set(!backStack.isEmpty());
        run(previous, false);
    }

    /** Runs the current walk again (F5). */
    public void refresh() {
        if (current != null) {
            run(current, false);
        } else {
            loadApps();
        }
    }

    public void cancel() {
        running.cancel();
        busy.set(false);
        status.set("Cancelled.");
    }

    private void run(ImpactRequest request, boolean remember) {
        running.cancel();
        error.set("");
        busy.set(true);
        status.set("Walking the " + request.direction().label() + "…");
        running = jobs.run("Impact: " + request.root().describe(), ctx -> {
            ImpactGraph graph = service.analyze(request, ctx);
            ctx.progress(1, 2, String.format("Laying out %,d files", graph.nodes().size()));
            GraphLayout layout = GraphLayout.of(graph);
            ctx.checkCancelled();
            return new Result(graph, layout);
        }, r -> {
            busy.set(false);
            if (remember && current != null && !current.equals(request)) {
                backStack.push(current);
            }
            canGoBack.set(!backStack.isEmpty());
            current = request;
            show(r);
        }, e -> {
            busy.set(false);
            failed(e);
        });
    }

    private void show(Result r) {
        ImpactGraph g = r.graph();
        // the inputs follow a re-root, so Analyze repeats what is on screen
        if (g.request().root() instanceof ImpactRoot.ByFile && !g.roots().isEmpty()) {
            path.set(g.roots().get(0).path());
            start.set(Start.FILE);
        }
        result.set(r);
        Map<String, String> types = new LinkedHashMap<>();
        for (ImpactEdge e : g.edges()) {
            types.merge(e.src() + ">" + e.dest(), e.type().sqlName(), (a, b) -> a + ", " + b);
        }
        boolean dependents = g.request().direction() == Direction.DEPENDENTS;
        List<Row> list = new ArrayList<>(g.nodes().size());
        for (ImpactNode n : g.nodes()) {
            String via = n.via() == null ? "" : g.pathOf(n.via());
            String t = n.via() == null ? "" : types.getOrDefault(dependents ? n.fileId() + ">" + n.via() : n.via() + ">" + n.fileId(), "");
            int c = g.cycleIndexOf(n.fileId());
            list.add(new Row(n.fileId(), n.depth(), n.path(), n.kind().label(), via, t, c < 0 ? "" : "#" + (c + 1), g.pathText(n.fileId())));
        }
        rows.setAll(list);
        int total = Math.max(1, g.nodes().size());
        byDepth.setAll(g.countsByDepth().entrySet().stream()
                .map(e -> new Count(e.getKey() == 0 ? (g.roots().size() == 1 ? "root" : "roots") : "depth " + e.getKey(), e.getValue(),
                        (double) e.getValue() / total, GraphPalette.depthWeb(e.getKey())))
                .toList());
        int edges = Math.max(1, g.edges().size());
        byType.setAll(g.countsByType().entrySet().stream()
                .map(e -> new Count(e.getKey().sqlName(), e.getValue(), (double) e.getValue() / edges, GraphPalette.web(GraphPalette.edge(e.getKey()))))
                .toList());
        Map<FileKind, Integer> kinds = g.countsByKind();
        byKind.setAll(kinds.entrySet().stream()
                .map(e -> new Count(e.getKey().label(), e.getValue(), (double) e.getValue() / total, GraphPalette.web(GraphPalette.kind(e.getKey()))))
                .toList());
        List<String> loops = new ArrayList<>();
        int i = 1;
        for (ImpactCycle c : g.cycles()) {
            loops.add("#" + i++ + " (" + c.size() + " files): " + c.loop().stream().map(g::pathOf).collect(Collectors.joining(" → ")));
        }
        cycles.setAll(loops);
        boolean single = g.roots().size() == 1 && g.roots().get(0).path().equals(g.title());
        String what = (dependents ? "Dependents of " : "Dependencies of ") + (single ? g.roots().get(0).name() : g.title());
        headline.set(g.isEmpty() ? what + ": the session changed no files" : what);
        String app = g.appName() == null ? "" : " in " + g.appName();
        subtitle.set(single
                ? g.title() + app + " · " + (dependents ? "who imports it, and who imports those" : "what it imports, and what those import")
                : g.roots().size() + " changed files" + app + ", walked together");
        status.set(g.isEmpty() ? "Nothing to walk from." : String.format("%,d files (%,d besides the root%s), %,d references, %s — depth ≤ %d, %s · %.1f ms",
                g.nodes().size(), g.impactedCount(), g.roots().size() == 1 ? "" : "s", g.edges().size(),
                g.cycles().isEmpty() ? "no cycles" : g.cycles().size() + (g.cycles().size() == 1 ? " cycle" : " cycles"),
                g.request().maxDepth(), g.request().typesLabel(), g.elapsed().toNanos() / 1e6));
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof JobCancelledException || e instanceof java.util.concurrent.CancellationException) {
            status.set("Cancelled.");
            return;
        }
        WardenException w = find(e);
        if (w != null) {
            // a bad input or a database that said no: the screen says it in one line
            error.set(w.line());
            status.set("");
        } else {
            unexpected.accept(ErrorReport.handled("Impact", e));
            status.set("");
        }
    }

    private static WardenException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WardenException w) {
                return w;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ file history and export

    /** Asks for the file's history: the Files screen will take the link; until then it is shown as a link. */
    public void openHistory(UUID fileId) {
        Result r = result.get();
        if (r == null || r.graph().node(fileId) == null) {
            return;
        }
        ImpactGraph g = r.graph();
        historyOpener.accept(new FileLink(g.appId(), g.appName(), fileId, g.pathOf(fileId)));
    }

    /** Where "open file history" goes (the shell sets this once the Files screen exists). */
    public void setHistoryOpener(Consumer<FileLink> opener) {
        this.historyOpener = opener == null ? historyRequest::set : opener;
    }

    public void exportJson(Path target) {
        ImpactGraph g = graph();
        export("JSON", target, () -> ImpactExport.json(g).getBytes(StandardCharsets.UTF_8));
    }

    public void exportDot(Path target) {
        ImpactGraph g = graph();
        export("DOT", target, () -> ImpactExport.dot(g).getBytes(StandardCharsets.UTF_8));
    }

    /** Encodes the image the view rendered (on the FX thread) as PNG and writes it, off the FX thread. */
    public void exportPng(Path target, java.awt.image.BufferedImage image) {
        export("PNG", target, () -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new WardenException("Could not encode the PNG: " + e.getMessage(), null, e);
            }
            return out.toByteArray();
        });
    }

    private void export(String what, Path target, java.util.function.Supplier<byte[]> content) {
        if (result.get() == null) {
            error.set(new WardenException("Nothing to export yet.", "run a walk first").line());
            return;
        }
        jobs.run("Exporting " + what, ctx -> {
            byte[] bytes = content.get();
            // written beside the target, then moved into place: never a half-written file
            Path folder = target.toAbsolutePath().getParent();
            Path temp = null;
            try {
                temp = Files.createTempFile(folder, ".warden-export", ".tmp");
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
                throw new WardenException("Could not write " + target + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").",
                        "choose a folder that exists and that you can write to", e);
            }
            return target;
        }, p -> status.set("Exported " + what + " to " + p), this::failed);
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<AppItem> apps() {
        return apps;
    }

    public ObjectProperty<AppItem> appProperty() {
        return app;
    }

    /** The paths of the chosen app's files, for the path field's suggestions. */
    public ObservableList<String> files() {
        return files;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public ObservableList<SessionItem> sessions() {
        return sessions;
    }

    public ObjectProperty<SessionItem> sessionProperty() {
        return session;
    }

    public ObjectProperty<Start> startProperty() {
        return start;
    }

    public ObjectProperty<Way> wayProperty() {
        return way;
    }

    public IntegerProperty depthProperty() {
        return depth;
    }

    /** The reference types to follow, by their names (import, style, ...). */
    public ObservableSet<String> types() {
        return types;
    }

    /** Every reference type's name, in the engine's order. */
    public static List<String> typeNames() {
        return java.util.Arrays.stream(RefType.values()).map(RefType::sqlName).toList();
    }

    private Set<RefType> refTypes() {
        EnumSet<RefType> out = EnumSet.noneOf(RefType.class);
        types.forEach(t -> out.add(RefType.parse(t)));
        return out.isEmpty() ? EnumSet.allOf(RefType.class) : out;
    }

    public BooleanProperty highlightCyclesProperty() {
        return highlightCycles;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ImpactGraph graph() {
        return result.get() == null ? null : result.get().graph();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Count> byDepth() {
        return byDepth;
    }

    public ObservableList<Count> byType() {
        return byType;
    }

    public ObservableList<Count> byKind() {
        return byKind;
    }

    public ObservableList<String> cycles() {
        return cycles;
    }

    public ObservableList<TopRow> mostDependedOn() {
        return mostDependedOn;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The app and what the walk means, under the headline. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FileLink> historyRequestProperty() {
        return historyRequest.getReadOnlyProperty();
    }

    /** An input the screen checked itself (the depth typed in the spinner): one line, nothing runs. */
    public void showInputError(WardenException e) {
        error.set(e.line());
    }

    /** Clears the error line (the user edited an input). */
    public void clearError() {
        error.set("");
    }

    /** The reference types as a label for the types picker. */
    public String typesLabel() {
        return types.size() == RefType.values().length ? "all" : types.isEmpty() ? "none"
                : typeNames().stream().filter(types::contains).collect(Collectors.joining(", "));
    }

    /**
     * The depth typed into the spinner, checked by the engine's rule (so the message is the command
     * line's): true when it is in range and taken.
     */
    public boolean commitDepth(String text) {
        String t = text == null ? "" : text.trim();
        try {
            int d = Integer.parseInt(t);
            ImpactRequest.checkDepth(d);
            depth.set(d);
            if (refusedDepth != null) {
                refusedDepth = null;
                error.set("");
            }
            return true;
        } catch (NumberFormatException e) {
            refusedDepth = new WardenException("Depth '" + t + "' is not a number.",
                    "give a depth from " + MIN_DEPTH + " to " + MAX_DEPTH + " (default " + ImpactRequest.DEFAULT_DEPTH + ")");
        } catch (WardenException e) {
            refusedDepth = e;
        }
        showInputError(refusedDepth);
        return false;
    }

    /** What an export is named after (the root's path or the session), or null when nothing is shown. */
    public String exportTitle() {
        ImpactGraph g = graph();
        return g == null ? null : g.title();
    }

    /** The first file of the k-th cycle of the shown walk, for "show me this cycle". */
    public UUID cycleStart(int k) {
        ImpactGraph g = graph();
        return g == null || k < 0 || k >= g.cycles().size() ? null : g.cycles().get(k).members().get(0);
    }
}
