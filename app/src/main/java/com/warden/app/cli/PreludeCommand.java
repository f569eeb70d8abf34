package com.warden.app.cli;

import com.warden.app.connect.Access;
import com.warden.app.connect.Database;
import com.warden.app.sessions.Prelude;
import com.warden.app.sessions.PreludeOptions;
import com.warden.app.sessions.PreludePart;
import com.warden.app.sessions.SessionBrowser;
import com.warden.app.sessions.SessionIds;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "prelude", mixinStandardHelpOptions = true,
        description = {"Print a session's memory prelude (seed 000's format) with its real token count (cl100k_base).",
                "With --budget, parts are dropped until it fits, in this order: recent decisions (oldest first), summary "
                        + "sentences (earliest first), agent pins then user pins (latest first), key facts (last first), "
                        + "constraints (last first); the Session and App lines always stay."})
final class PreludeCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--session", paramLabel = "ID", required = true, description = "the session id ('warden sessions' lists them)")
    String session;

    @Option(names = "--budget", paramLabel = "TOKENS", description = "fit the prelude into this many tokens")
    Integer budget;

    @Option(names = "--decisions", paramLabel = "N", defaultValue = "0",
            description = "add the N most recent decisions as a 'Recent Decisions:' section (default 0: seed 000's sections only)")
    int decisions;

    @Option(names = "--as-user", paramLabel = "EMAIL", description = "view as this user (row-level security)")
    String asUser;

    @Option(names = "--json", description = "print a JSON document: the text, its token count and its parts")
    boolean json;

    @Override
    public Integer call() {
        UUID id = SessionIds.parse(session);
        PreludeOptions options = new PreludeOptions(budget, decisions);
        try (Database db = connection.open(Access.READ_ONLY)) {
            SessionBrowser browser = new SessionBrowser(db);
            browser.requireProject();
            if (asUser != null) {
                browser = browser.viewAs(browser.userByEmail(asUser));
            }
            Prelude p = browser.prelude(id, options);
            if (json) {
                Console.out().println(Json.write(document(p)));
                return WardenCli.OK;
            }
            Console.out().println(p.text());
            StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "%n%,d tokens (%s)", p.tokenCount(), p.encoding()));
            if (p.budget() != null) {
                note.append(String.format(Locale.ROOT, ", budget %,d", p.budget()));
                if (!p.droppedParts().isEmpty()) {
                    note.append(String.format(Locale.ROOT, ": dropped %d part%s (%,d tokens in full)", p.droppedParts().size(),
                            p.droppedParts().size() == 1 ? "" : "s", p.fullTokenCount()));
                }
                if (!p.withinBudget()) {
                    note.append("; the Session and App lines alone exceed it");
                }
            }
            Console.err().println(note);
            return WardenCli.OK;
        }
    }

    static Map<String, Object> document(Prelude p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("session_id", p.sessionId());
        doc.put("text", p.text());
        doc.put("token_count", p.tokenCount());
        doc.put("encoding", p.encoding());
        doc.put("budget", p.budget());
        doc.put("full_token_count", p.fullTokenCount());
        doc.put("within_budget", p.withinBudget());
        doc.put("drop_order", Prelude.DROP_ORDER);
        doc.put("parts", p.parts().stream().map(PreludeCommand::part).toList());
        return doc;
    }

    private static Map<String, Object> part(PreludePart part) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", part.section().name().toLowerCase(Locale.ROOT));
        m.put("text", part.text());
        m.put("tokens", part.tokens());
        m.put("kept", part.kept());
        m.put("drop_rank", part.dropRank() == 0 ? null : part.dropRank());
        return m;
    }
}
