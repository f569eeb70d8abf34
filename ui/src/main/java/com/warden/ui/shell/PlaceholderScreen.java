package com.warden.ui.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import com.warden.ui.common.UiStyles;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A screen not built yet: it shows its title, what it will do, and which database it is looking at.
 * Each constant below is replaced in {@link ScreenRegistry#standard()} by the real screen's class.
 */
public record PlaceholderScreen(String id, String title, boolean needsProject, String summary) implements Screen {

    public static final PlaceholderScreen SESSIONS = new PlaceholderScreen("sessions", "Sessions", true,
            "Browse the agent's chat sessions: filter and search the list, page through the messages, and see what "
                    + "the agent knew — rolling summary, key facts, constraints, pinned files, decisions, the working "
                    + "set, and the exact memory prelude text with its token count. A live tail shows new rows as they arrive.");

    public static final PlaceholderScreen FILES = new PlaceholderScreen("files", "Files & Diffs", true,
            "The file tree of each app with every stored version: side-by-side and unified diffs with word-level "
                    + "marks, token counts per version, and where each file's head pointer stands.");

    public static final PlaceholderScreen IMPACT = new PlaceholderScreen("impact", "Impact", true,
            "Pick a file and see what depends on it: the import graph walked backwards in one recursive query "
                    + "(depth-limited, cycle-safe), drawn as a graph and listed by distance, so you know what a change may break.");

    public static final PlaceholderScreen INTEGRITY = new PlaceholderScreen("integrity", "Integrity", true,
            "Checksum scans that recompute the SHA-256 of every stored file version and image asset and compare it "
                    + "with the stored digest, plus orphans, head pointers, foreign key and index validity — a report "
                    + "to export as JSON, CSV or HTML, or to run from cron.");

    public static final PlaceholderScreen HEALTH = new PlaceholderScreen("health", "Health", false,
            "A health score for any PostgreSQL — healthy, degraded or critical — from checks such as cache and "
                    + "index hit rates, slow statements and connection use, each with its threshold and what to do about it.");

    public static final PlaceholderScreen LATENCY = new PlaceholderScreen("latency", "Latency", false,
            "Live hot-path latency from probe SQL files: p50 / p95 / p99 percentiles, pg_stat_statements deltas "
                    + "for the slowest statements, EXPLAIN verdicts that say whether the right index is used, and a load drill.");

    public static final PlaceholderScreen BACKUPS = new PlaceholderScreen("backups", "Backups & Drills", false,
            "Guided backups with PostgreSQL's own tools, the backup catalogue and WAL archive status, point-in-time "
                    + "recovery, and restore drills into a throwaway scratch instance — verified, timed and torn down "
                    + "after, with a report that proves the backups work.");

    @Override
    public ScreenView create(ScreenContext context) {
        VBox panel = ScreenPanels.panel(this);
        Message note = new Message("Not built yet",
                "This screen arrives in a later version. It will work on " + context.database().profile().label()
                        + (needsProject ? " (schema core at version " + context.project().schemaVersion() + ")." : "."));
        note.getStyleClass().add(Styles.ACCENT);
        Label kind = new Label(needsProject ? "PROJECT SCREEN" : "WORKS ON ANY POSTGRESQL");
        kind.getStyleClass().addAll(UiStyles.SCREEN_KIND, Styles.TEXT_MUTED);
        panel.getChildren().add(0, kind);
        panel.getChildren().add(note);
        return ScreenView.of(ScreenPanels.scroll(panel, id));
    }
}
