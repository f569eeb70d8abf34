package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.impact.DependedOnFile;
import com.warden.app.impact.DependedOnReport;
import com.warden.app.impact.Direction;
import com.warden.app.impact.ImpactCycle;
import com.warden.app.impact.ImpactEdge;
import com.warden.app.impact.ImpactExport;
import com.warden.app.impact.ImpactGraph;
import com.warden.app.impact.ImpactNode;
import com.warden.app.impact.ImpactRequest;
import com.warden.app.impact.ImpactRoot;
import com.warden.app.impact.ImpactService;
import com.warden.app.impact.RefType;
import com.warden.app.job.JobContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "impact", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Which files a change reaches: the dependents of a file (who imports it, and who imports those) or its",
            "dependencies, each at its smallest depth, the references among them and the import cycles met.",
            "Also: the union impact of everything a session changed (--session), and an app's most depended-on files (--top)."},
        footer = {"",
            "Examples:",
            "  warden impact --app \"Todo App\" --path src/context/ThemeContext.tsx",
            "  warden impact --app \"Todo App\" --path src/App.tsx --direction dependencies --depth 2 --types import,style",
            "  warden impact --app \"Todo App\" --path src/App.tsx --dot | dot -Tsvg > impact.svg",
            "  warden impact --session 5c1e...  --json",
            "  warden impact --app \"Todo App\" --top 10",
            "",
            "Exit codes: 0 done, 1 cycles met with --fail-on cycles, 2 bad input or connection error."})
final class ImpactCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--app", paramLabel = "NAME", description = "the app, by name or id")
    String app;

    @Option(names = "--path", paramLabel = "PATH", description = "the file inside the app, e.g. src/App.tsx")
    String path;

    @Option(names = "--session", paramLabel = "ID",
            description = "start from every file the session changed (a version written between its first and last message)")
    String session;

    @Option(names = "--top", paramLabel = "N", description = "list the app's N most depended-on files (transitive dependents) instead")
    Integer top;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "" + ImpactRequest.DEFAULT_DEPTH,
            description = "how many steps to follow, 1 to 50 (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--direction", paramLabel = "WAY", defaultValue = "dependents",
            description = "dependents (who imports it, default) or dependencies (what it imports)")
    String direction;

    @Option(names = "--types", paramLabel = "LIST", split = ",",
            description = "reference types to follow: import, style, asset, dynamic-import, require (default: all)")
    List<String> types;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "print one JSON document: nodes (file id, path, depth), edges (src, dest, type), cycles")
        boolean json;

        @Option(names = "--dot", description = "print Graphviz DOT (pipe into dot -Tsvg)")
        boolean dot;
    }

    @Option(names = "--fail-on", paramLabel = "WHAT", description = "exit 1 when the walk meets import cycles: cycles")
    String failOn;

    @Override
    public Integer call() {
        Direction way = Direction.parse(direction);
        Set<RefType> chosen = RefType.parseList(types == null ? null : String.join(",", types));
        boolean failOnCycles = false;
        if (failOn != null) {
            if (!failOn.trim().equalsIgnoreCase("cycles") && !failOn.trim().equalsIgnoreCase("cycle")) {
                throw new WardenException("Unknown --fail-on '" + failOn + "'.", "the only finding impact reports is: cycles");
            }
            failOnCycles = true;
        }
        if (top != null) {
            if (app == null || path != null || session != null) {
                throw new WardenException("--top lists an app's most depended-on files: give --app and no --path or --session.",
                        "warden impact --app \"Todo App\" --top 10");
            }
            if (top < 1) {
                throw new WardenException("--top must be at least 1 (got " + top + ").", "e.g. --top 10");
            }
            if (format.dot) {
                throw new WardenException("--dot draws a walk, not a ranking.", "use --json or the table for --top");
            }
        } else if (session != null) {
            if (path != null) {
                throw new WardenException("Give either --path or --session, not both.", "--session starts from every file the session changed");
            }
        } else if (app == null || path == null) {
            throw new WardenException("Say where to start: --app NAME --path PATH, or --session ID.",
                    "warden impact --app \"Todo App\" --path src/context/ThemeContext.tsx");
        }
        // the request checks the depth before any connection is made
        ImpactRoot root = top != null ? null : session != null
                ? ImpactRoot.session(parseSession(session)) : ImpactRoot.path(app, path);
        ImpactRequest request = root == null ? null : new ImpactRequest(root, way, depth, chosen);
        if (request == null) {
            ImpactRequest.checkDepth(depth);
        }
        try (Database db = connection.open(Access.READ_ONLY)) {
            ImpactService service = new ImpactService(db);
            if (request == null) {
                DependedOnReport report = service.mostDependedOn(app, chosen, top, JobContext.none());
                printTop(report);
                return failOnCycles && report.filesInCycles() > 0 ? WardenCli.FINDINGS : WardenCli.OK;
            }
            ImpactGraph graph = service.analyze(request);
            if (format.json) {
                Console.out().print(ImpactExport.json(graph));
            } else if (format.dot) {
                Console.out().print(ImpactExport.dot(graph));
            } else {
                print(graph);
            }
            return failOnCycles && !graph.cycles().isEmpty() ? WardenCli.FINDINGS : WardenCli.OK;
        }
    }

    private static UUID parseSession(String text) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new WardenException("'" + text + "' is not a session id.", "warden sessions lists the sessions with their ids");
        }
    }

    static void print(ImpactGraph g) {
        ImpactRequest r = g.request();
        boolean dependents = r.direction() == Direction.DEPENDENTS;
        Console.out().printf("%s of %s%s — depth ≤ %d, %s%n", dependents ? "Dependents" : "Dependencies", g.title(),
                g.appName() == null ? "" : " in " + g.appName(), r.maxDepth(), r.typesLabel());
        if (g.isEmpty()) {
            Console.out().println("The session changed no files: nothing to walk from.");
            return;
        }
        Map<String, String> viaTypes = new LinkedHashMap<>();
        for (ImpactEdge e : g.edges()) {
            viaTypes.merge(e.src() + ">" + e.dest(), e.type().sqlName(), (a, b) -> a + "," + b);
        }
        TextTable table = TextTable.of("DEPTH", "FILE", "KIND", dependents ? "IMPORTS (PATH TO ROOT)" : "IMPORTED BY (PATH TO ROOT)", "TYPE", "CYCLE");
        for (ImpactNode n : g.nodes()) {
            String via = n.via() == null ? "(root)" : g.pathOf(n.via());
            String type = n.via() == null ? "" : dependents ? viaTypes.getOrDefault(n.fileId() + ">" + n.via(), "")
                    : viaTypes.getOrDefault(n.via() + ">" + n.fileId(), "");
            int cycle = g.cycleIndexOf(n.fileId());
            table.row(n.depth(), n.path(), n.kind().label(), via, type, cycle < 0 ? "" : "#" + (cycle + 1));
        }
        Console.out().println();
        Console.out().println(table.render());
        Console.out().println();
        Console.out().printf("%,d files reached (%,d besides the root%s), %,d references among them, in %.1f ms%n",
                g.nodes().size(), g.impactedCount(), g.roots().size() == 1 ? "" : "s", g.edges().size(),
                g.elapsed().toNanos() / 1e6);
        Console.out().println("By depth: " + g.countsByDepth().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(" · ")));
        Console.out().println("By type:  " + (g.countsByType().isEmpty() ? "no references" : g.countsByType().entrySet().stream()
                .map(e -> e.getKey().sqlName() + " " + e.getValue()).collect(Collectors.joining(" · "))));
        if (g.cycles().isEmpty()) {
            Console.out().println("Cycles:   none met");
        } else {
            Console.out().printf("Cycles:   %d met%n", g.cycles().size());
            int i = 1;
            for (ImpactCycle c : g.cycles()) {
                List<String> loop = new ArrayList<>();
                c.loop().forEach(id -> loop.add(g.pathOf(id)));
                Console.out().printf("  #%d (%d files): %s%n", i++, c.size(), String.join(" → ", loop));
            }
        }
        if (g.deepestLevel() == r.maxDepth()) {
            Console.out().println("The walk stopped at the depth limit; files further away are not listed (raise --depth, at most "
                    + ImpactRequest.MAX_DEPTH + ").");
        }
    }

    private void printTop(DependedOnReport report) {
        if (format.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            Map<String, Object> appDoc = new LinkedHashMap<>();
            appDoc.put("id", report.app().id());
            appDoc.put("name", report.app().name());
            appDoc.put("owner", report.app().owner());
            doc.put("app", appDoc);
            doc.put("types", new TreeSet<>(report.types().stream().map(RefType::sqlName).toList()));
            doc.put("files", report.fileCount());
            doc.put("references", report.referenceCount());
            doc.put("files_in_cycles", report.filesInCycles());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DependedOnFile f : report.files()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file_id", f.fileId());
                m.put("path", f.path());
                m.put("direct_dependents", f.directDependents());
                m.put("transitive_dependents", f.transitiveDependents());
                m.put("in_cycle", f.inCycle());
                rows.add(m);
            }
            doc.put("most_depended_on", rows);
            Console.out().println(Json.write(doc));
            return;
        }
        Console.out().printf("Most depended-on files of %s (%,d files, %,d references, %,d files in cycles; %.0f ms)%n%n",
                report.app().name(), report.fileCount(), report.referenceCount(), report.filesInCycles(),
                report.elapsed().toNanos() / 1e6);
        TextTable table = TextTable.of("#", "FILE", "DIRECT", "TRANSITIVE", "CYCLE");
        int rank = 1;
        for (DependedOnFile f : report.files()) {
            table.row(rank++, f.path(), f.directDependents(), f.transitiveDependents(), f.inCycle() ? "yes" : "");
        }
        Console.out().println(table.render());
    }
}
