package com.warden.app.sessions;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exports a whole session as Markdown or JSON: head, memory, prelude, decisions, working set and
 * every message in full. Messages stream page by page (keyset), never all in memory, inside one
 * read-only REPEATABLE READ transaction, so the file is one consistent snapshot. A file export
 * writes to a temporary file beside the target and moves it into place; a failed or cancelled
 * export leaves nothing behind.
 */
public final class SessionExporter {
    public enum Format {
        MARKDOWN("md"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        public static Format parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "md", "markdown" -> MARKDOWN;
                case "json" -> JSON;
                default -> throw new WardenException("Unknown export format '" + text + "'.", "use markdown or json");
            };
        }
    }

    static final int PAGE = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern BACKTICKS = Pattern.compile("`{3,}");

    private final SessionBrowser browser;

    public SessionExporter(SessionBrowser browser) {
        this.browser = browser.withPreviewChars(Integer.MAX_VALUE);
    }

    /** Exports to {@code target} (replaced if it exists); returns the number of messages written. */
    public long exportTo(UUID sessionId, Format format, Path target, JobContext job) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            long n;
            try (OutputStream out = Files.newOutputStream(temp)) {
                n = write(sessionId, format, out, job);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return n;
        } catch (IOException e) {
            throw new WardenException("Cannot write " + target + ": " + e.getMessage() + ".",
                    "check the folder exists, is writable and the disk has room; nothing was left behind", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** Streams the export to {@code out} (not closed); returns the number of messages written. */
    public long write(UUID sessionId, Format format, OutputStream out, JobContext job) {
        JobContext ctx = job == null ? JobContext.none() : job;
        return browser.snapshot(c -> {
            SessionDetail detail = browser.detail(c, sessionId);
            Prelude prelude = PreludeBuilder.build(browser.preludeInput(c, sessionId, 0));
            List<Decision> decisions = browser.decisions(c, sessionId, PreludeOptions.MAX_DECISIONS);
            List<WorkingSetEntry> workingSet = browser.workingSet(c, sessionId);
            try {
                Header h = new Header(detail, prelude, decisions, workingSet, browser.viewingAs(), Instant.now());
                return format == Format.JSON ? json(c, h, out, ctx) : markdown(c, h, out, ctx);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private record Header(SessionDetail detail, Prelude prelude, List<Decision> decisions, List<WorkingSetEntry> workingSet,
                          UserRef viewedAs, Instant exportedAt) { }

    /** Walks every message in timeline order, a page at a time. */
    private interface MessageSink {
        void accept(MessageRow row, long index) throws IOException;
    }

    private long eachMessage(java.sql.Connection c, UUID sessionId, long total, JobContext job, MessageSink sink)
            throws java.sql.SQLException, IOException {
        long n = 0;
        MessageCursor cursor = null;
        while (true) {
            job.checkCancelled();
            List<MessageRow> page = browser.page(c, sessionId, cursor, PAGE);
            for (MessageRow r : page) {
                sink.accept(r, ++n);
            }
            job.progress(n, Math.max(total, n), "Exported " + n + " of " + Math.max(total, n) + " messages");
            if (page.size() < PAGE) {
                return n;
            }
            cursor = page.get(page.size() - 1).cursor();
        }
    }

    private long markdown(java.sql.Connection c, Header h, OutputStream raw, JobContext job)
            throws IOException, java.sql.SQLException {
        Writer w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
        SessionRow s = h.detail().session();
        w.write("# " + oneLine(s.title()) + "\n\n");
        w.write("| | |\n|---|---|\n");
        row(w, "Session", "`" + s.id() + "`");
        row(w, "App", cell(s.appName()));
        row(w, "User", cell(s.userName() + " <" + s.userEmail() + ">"));
        row(w, "Status", s.status());
        row(w, "Messages", String.format(Locale.ROOT, "%,d (%,d tokens)", s.messageCount(), s.totalTokens()));
        row(w, "Created", WHEN.format(s.createdAt()));
        row(w, "Last activity", WHEN.format(s.lastActivityAt()));
        row(w, "Exported", WHEN.format(h.exportedAt()) + " by Warden"
                + (h.viewedAs() == null ? "" : ", viewed as " + cell(h.viewedAs().email())));
        w.write("\n## Memory\n\n");
        SessionMemory m = h.detail().memory();
        if (!m.present()) {
            w.write("_This session has no memory row._\n\n");
        }
        w.write(String.format(Locale.ROOT, "### Prelude (%,d tokens, %s)\n\n", h.prelude().tokenCount(), h.prelude().encoding()));
        String fence = fenceFor(h.prelude().text());
        w.write(fence + "text\n" + h.prelude().text() + "\n" + fence + "\n\n");
        w.write("### Recent decisions\n\n");
        if (h.decisions().isEmpty()) {
            w.write("_No decisions recorded._\n\n");
        } else {
            for (Decision d : h.decisions()) {
                w.write("- **" + oneLine(d.summary()) + "**" + (d.rationale() == null ? "" : " — " + oneLine(d.rationale()))
                        + " _(" + (d.createdAt() == null ? "" : WHEN.format(d.createdAt())) + ")_\n");
            }
            w.write("\n");
        }
        w.write("### Working set\n\n");
        if (h.workingSet().isEmpty()) {
            w.write("_No pinned files._\n\n");
        } else {
            w.write("| File | Reason | Pinned by | Size |\n|---|---|---|---:|\n");
            for (WorkingSetEntry e : h.workingSet()) {
                w.write("| `" + cell(e.path()) + "` | " + cell(e.reason() == null ? "" : e.reason()) + " | " + e.pinnedBy()
                        + " | " + String.format(Locale.ROOT, "%,d B", e.sizeBytes()) + " |\n");
            }
            w.write("\n");
        }
        w.write("## Messages\n\n");
        long n = eachMessage(c, s.id(), s.messageCount(), job, (r, i) -> {
            w.write("### " + i + ". " + r.role() + " — " + WHEN.format(r.createdAt()) + "\n\n");
            w.write("_" + (r.model() == null ? "" : r.model() + " · ") + r.tokenCount() + " tokens_\n\n");
            w.write(r.content());
            w.write(r.content().endsWith("\n") ? "\n---\n\n" : "\n\n---\n\n");
        });
        if (n == 0) {
            w.write("_This session has no messages._\n");
        }
        w.flush();
        return n;
    }

    private long json(java.sql.Connection c, Header h, OutputStream out, JobContext job)
            throws IOException, java.sql.SQLException {
        try (JsonGenerator g = MemoryFormat.JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            SessionRow s = h.detail().session();
            g.writeStartObject();
            g.writeStringField("format", "warden-session-export");
            g.writeNumberField("format_version", 1);
            g.writeStringField("exported_at", h.exportedAt().toString());
            g.writeStringField("viewed_as", h.viewedAs() == null ? null : h.viewedAs().email());
            g.writeObjectFieldStart("session");
            g.writeStringField("id", s.id().toString());
            g.writeStringField("title", s.title());
            g.writeStringField("status", s.status());
            g.writeStringField("app_id", s.appId().toString());
            g.writeStringField("app", s.appName());
            g.writeStringField("user_id", s.userId().toString());
            g.writeStringField("user_email", s.userEmail());
            g.writeStringField("user_name", s.userName());
            g.writeNumberField("message_count", s.messageCount());
            g.writeNumberField("total_tokens", s.totalTokens());
            g.writeStringField("created_at", s.createdAt().toString());
            g.writeStringField("last_activity_at", s.lastActivityAt().toString());
            g.writeEndObject();
            SessionMemory m = h.detail().memory();
            g.writeObjectFieldStart("memory");
            g.writeBooleanField("present", m.present());
            g.writeStringField("rolling_summary", m.rollingSummary());
            g.writeFieldName("key_facts");
            g.writeTree(tree(m.keyFactsJson(), "{}"));
            g.writeFieldName("constraints");
            g.writeTree(tree(m.constraintsJson(), "[]"));
            g.writeStringField("updated_at", m.updatedAt() == null ? null : m.updatedAt().toString());
            g.writeEndObject();
            g.writeObjectFieldStart("prelude");
            g.writeStringField("text", h.prelude().text());
            g.writeNumberField("token_count", h.prelude().tokenCount());
            g.writeStringField("encoding", h.prelude().encoding());
            g.writeEndObject();
            g.writeArrayFieldStart("decisions");
            for (Decision d : h.decisions()) {
                g.writeStartObject();
                g.writeStringField("summary", d.summary());
                g.writeStringField("rationale", d.rationale());
                g.writeFieldName("payload");
                g.writeTree(tree(d.payloadJson(), "{}"));
                g.writeStringField("created_at", d.createdAt() == null ? null : d.createdAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("working_set");
            for (WorkingSetEntry e : h.workingSet()) {
                g.writeStartObject();
                g.writeStringField("path", e.path());
                g.writeStringField("reason", e.reason());
                g.writeStringField("pinned_by", e.pinnedBy());
                g.writeStringField("pinned_at", e.pinnedAt() == null ? null : e.pinnedAt().toString());
                g.writeNumberField("size_bytes", e.sizeBytes());
                g.writeStringField("file_id", e.fileId().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("messages");
            long n = eachMessage(c, s.id(), s.messageCount(), job, (r, i) -> {
                g.writeStartObject();
                g.writeStringField("id", r.id().toString());
                g.writeStringField("role", r.role());
                g.writeStringField("model", r.model());
                g.writeNumberField("token_count", r.tokenCount());
                g.writeStringField("created_at", r.createdAt().toString());
                g.writeStringField("content", r.content());
                g.writeEndObject();
            });
            g.writeEndArray();
            g.writeNumberField("messages_exported", n);
            g.writeEndObject();
            g.flush();
            return n;
        }
    }

    private static JsonNode tree(String json, String fallback) {
        JsonNode n = MemoryFormat.parse(json);
        return n != null ? n : MemoryFormat.parse(fallback);
    }

    private static void row(Writer w, String k, String v) throws IOException {
        w.write("| " + k + " | " + v + " |\n");
    }

    private static String cell(String s) {
        return oneLine(s).replace("|", "\\|");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    /** A fence longer than any run of backticks inside the text. */
    static String fenceFor(String text) {
        int longest = 2;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        return "`".repeat(longest + 1);
    }
}
