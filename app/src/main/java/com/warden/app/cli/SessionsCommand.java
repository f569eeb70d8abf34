package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.job.JobContext;
import com.warden.app.sessions.KeyFact;
import com.warden.app.sessions.LiveTail;
import com.warden.app.sessions.MessagePage;
import com.warden.app.sessions.MessageRow;
import com.warden.app.sessions.SessionBrowser;
import com.warden.app.sessions.SessionCursor;
import com.warden.app.sessions.SessionDetail;
import com.warden.app.sessions.SessionExporter;
import com.warden.app.sessions.SessionFilter;
import com.warden.app.sessions.SessionIds;
import com.warden.app.sessions.SessionPage;
import com.warden.app.sessions.SessionRow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = {"List sessions, newest activity first, a page at a time (keyset paging: --after continues).",
                "With --show, one session's head, memory and latest messages; --follow tails it live; "
                        + "--export writes it as Markdown or JSON."})
final class SessionsCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--user", paramLabel = "EMAIL", description = "only this user's sessions")
    String user;

    @Option(names = "--app", paramLabel = "NAME", description = "only sessions of apps with this name")
    String app;

    @Option(names = "--status", paramLabel = "S", description = "active, idle or archived")
    String status;

    @Option(names = "--search", paramLabel = "TEXT", description = "text in the title (any case; % and _ are literal)")
    String search;

    @Option(names = "--from", paramLabel = "DATE", description = "last activity on or after (YYYY-MM-DD or an ISO instant)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "last activity up to (a date counts whole; an instant is exclusive)")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "rows per page (default ${DEFAULT-VALUE}, at most 1000)")
    int limit;

    @Option(names = "--after", paramLabel = "CURSOR", description = "the page after this cursor (printed under each page)")
    String after;

    @Option(names = "--as-user", paramLabel = "EMAIL",
            description = "view as this user: only what row-level security lets them see")
    String asUser;

    @ArgGroup(exclusive = true)
    Action action;

    static final class Action {
        @Option(names = "--show", paramLabel = "ID", description = "one session: head, memory, working set and latest messages")
        String show;

        @Option(names = "--follow", paramLabel = "ID", description = "print the session's new messages as they arrive (Ctrl+C stops)")
        String follow;

        @Option(names = "--export", paramLabel = "ID", description = "export the whole session")
        String export;
    }

    @Option(names = "--messages", paramLabel = "N", defaultValue = "20", description = "with --show: how many latest messages (default ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--format", paramLabel = "F", defaultValue = "markdown", description = "with --export: markdown or json")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "with --export: the file (default: standard output)")
    Path output;

    @Option(names = "--json", description = "print a JSON document")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (limit < 1 || limit > SessionBrowser.MAX_PAGE) {
            throw new WardenException("--limit must be between 1 and " + SessionBrowser.MAX_PAGE + ", not " + limit + ".");
        }
        if (messages < 0 || messages > SessionBrowser.MAX_PAGE) {
            throw new WardenException("--messages must be between 0 and " + SessionBrowser.MAX_PAGE + ", not " + messages + ".");
        }
        SessionFilter filter = new SessionFilter(user, app, status, instant(from, "--from", false), instant(to, "--to", true), search);
        SessionExporter.Format exportFormat = action != null && action.export != null ? SessionExporter.Format.parse(format) : null;
        SessionCursor cursor = after == null ? null : SessionCursor.decode(after);
        UUID id = action == null ? null
                : SessionIds.parse(action.show != null ? action.show : action.follow != null ? action.follow : action.export);
        try (Database db = connection.open(Access.READ_ONLY)) {
            SessionBrowser browser = new SessionBrowser(db);
            browser.requireProject();
            if (asUser != null) {
                browser = browser.viewAs(browser.userByEmail(asUser));
            }
            if (action == null) {
                return list(browser, filter, cursor);
            }
            if (action.show != null) {
                return show(browser, id);
            }
            if (action.follow != null) {
                return follow(browser, id);
            }
            return export(browser, id, exportFormat);
        }
    }

    private int list(SessionBrowser browser, SessionFilter filter, SessionCursor cursor) {
        SessionPage page = browser.list(filter, cursor, limit);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("viewed_as", browser.viewingAs() == null ? null : browser.viewingAs().email());
            doc.put("sessions", page.rows().stream().map(SessionsCommand::row).toList());
            doc.put("next", page.next() == null ? null : page.next().encode());
            Console.out().println(Json.write(doc));
            return WardenCli.OK;
        }
        if (page.rows().isEmpty()) {
            Console.out().println(cursor == null ? "No sessions match." : "No more sessions.");
            return WardenCli.OK;
        }
        TextTable table = TextTable.of("ID", "TITLE", "USER", "APP", "STATUS", "MSGS", "TOKENS", "LAST ACTIVITY");
        for (SessionRow r : page.rows()) {
            table.row(r.id(), r.title(), r.userEmail(), r.appName(), r.status(), String.format(Locale.ROOT, "%,d", r.messageCount()),
                    String.format(Locale.ROOT, "%,d", r.totalTokens()), r.lastActivityAt());
        }
        Console.out().println(table.render());
        if (page.next() != null) {
            Console.out().println("More: add --after " + page.next().encode());
        }
        return WardenCli.OK;
    }

    static Map<String, Object> row(SessionRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("status", r.status());
        m.put("user_email", r.userEmail());
        m.put("user_name", r.userName());
        m.put("app", r.appName());
        m.put("app_id", r.appId());
        m.put("message_count", r.messageCount());
        m.put("total_tokens", r.totalTokens());
        m.put("created_at", r.createdAt());
        m.put("last_activity_at", r.lastActivityAt());
        return m;
    }

    static Map<String, Object> message(MessageRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("role", r.role());
        m.put("model", r.model());
        m.put("token_count", r.tokenCount());
        m.put("created_at", r.createdAt());
        m.put("content", r.content());
        m.put("content_bytes", r.contentBytes());
        m.put("truncated", r.truncated());
        return m;
    }

    private int show(SessionBrowser browser, UUID id) {
        SessionDetail d = browser.detail(id);
        MessagePage latest = messages == 0 ? new MessagePage(List.of(), d.session().messageCount() > 0, false)
                : browser.latest(id, messages);
        var workingSet = browser.workingSet(id);
        var decisions = browser.decisions(id, 10);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("session", row(d.session()));
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("present", d.memory().present());
            memory.put("rolling_summary", d.memory().rollingSummary());
            Map<String, String> facts = new LinkedHashMap<>();
            d.memory().keyFacts().forEach(f -> facts.put(f.key(), f.value()));
            memory.put("key_facts", facts);
            memory.put("constraints", d.memory().constraints());
            doc.put("memory", memory);
            doc.put("working_set", workingSet.stream().map(w -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", w.path());
                m.put("reason", w.reason());
                m.put("pinned_by", w.pinnedBy());
                m.put("size_bytes", w.sizeBytes());
                m.put("history", w.historyLink());
                return m;
            }).toList());
            doc.put("decisions", decisions.stream().map(x -> Map.of("summary", x.summary(),
                    "rationale", x.rationale() == null ? "" : x.rationale(), "created_at", x.createdAt())).toList());
            doc.put("messages", latest.rows().stream().map(SessionsCommand::message).toList());
            doc.put("has_older_messages", latest.hasOlder());
            Console.out().println(Json.write(doc));
            return WardenCli.OK;
        }
        SessionRow s = d.session();
        var out = Console.out();
        out.println(s.title());
        out.printf("  id %s · %s · app %s · user %s <%s>%n", s.id(), s.status(), s.appName(), s.userName(), s.userEmail());
        out.printf(Locale.ROOT, "  %,d messages, %,d tokens · created %s · last activity %s%n", s.messageCount(), s.totalTokens(),
                s.createdAt(), s.lastActivityAt());
        out.println();
        if (!d.memory().present()) {
            out.println("Memory: none (this session has no memory row)");
        } else {
            out.println("Summary: " + (d.memory().rollingSummary().isBlank() ? "(empty)" : d.memory().rollingSummary()));
            for (KeyFact f : d.memory().keyFacts()) {
                out.println("  " + f.label() + ": " + f.value());
            }
            d.memory().constraints().forEach(c -> out.println("  constraint: " + c));
        }
        out.println(workingSet.isEmpty() ? "Working set: none" : "Working set:");
        workingSet.forEach(w -> out.printf(Locale.ROOT, "  %s (%s, pinned by %s, %,d bytes)%n", w.path(),
                w.reason() == null ? "no reason" : w.reason(), w.pinnedBy(), w.sizeBytes()));
        out.println(decisions.isEmpty() ? "Decisions: none" : "Decisions:");
        decisions.forEach(x -> out.println("  " + x.createdAt() + "  " + x.summary()));
        out.println();
        if (latest.rows().isEmpty()) {
            out.println(s.messageCount() == 0 ? "No messages." : "");
        } else {
            out.println((latest.hasOlder() ? "Latest " + latest.rows().size() + " messages:" : "Messages:"));
            latest.rows().forEach(m -> printMessage(m));
        }
        return WardenCli.OK;
    }

    private static void printMessage(MessageRow m) {
        var out = Console.out();
        out.printf("--- %s · %s%s · %d tokens%n", m.createdAt(), m.role(), m.model() == null ? "" : " (" + m.model() + ")", m.tokenCount());
        String text = m.content();
        int max = 4000;
        if (text.length() > max) {
            out.println(text.substring(0, max));
            out.printf(Locale.ROOT, "… cut: %,d bytes in all; --export writes the whole message%n", m.contentBytes());
        } else {
            out.println(text);
            if (m.truncated()) {
                out.printf(Locale.ROOT, "… cut: %,d bytes in all; --export writes the whole message%n", m.contentBytes());
            }
        }
    }

    private int follow(SessionBrowser browser, UUID id) throws InterruptedException {
        MessagePage opened = browser.latest(id, Math.max(1, messages));
        SessionRow head = browser.detail(id).session();
        Console.err().println("Following \"" + head.title() + "\" (Ctrl+C stops)");
        opened.rows().forEach(SessionsCommand::printMessage);
        LiveTail tail = browser.tail(id, opened);
        while (true) {
            Thread.sleep(1000);
            LiveTail.Update u = tail.poll();
            if (u.gone()) {
                Console.err().println("The session was deleted.");
                return WardenCli.OK;
            }
            u.added().forEach(SessionsCommand::printMessage);
            Console.out().flush();
        }
    }

    private int export(SessionBrowser browser, UUID id, SessionExporter.Format f) {
        SessionExporter exporter = new SessionExporter(browser);
        JobContext progress = Console.progress(output == null);
        if (output == null) {
            exporter.write(id, f, Console.out(), progress);
            Console.out().flush();
        } else {
            long n = exporter.exportTo(id, f, output, progress);
            Console.err().printf(Locale.ROOT, "Exported %,d messages to %s%n", n, output);
        }
        return WardenCli.OK;
    }

    /** A date (local, whole day) or an ISO instant; {@code end}: a date means the end of that day. */
    static Instant instant(String text, String option, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new WardenException(option + " '" + t + "' is not a date.", "use YYYY-MM-DD or an instant such as 2026-11-20T12:00:00Z");
        }
    }
}
