package com.warden.ui.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.warden.ui.common.UiStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The panels the content area shows instead of a screen (not connected, connecting, failed, needs
 * a project database), and the title-and-summary layout placeholders share. Node ids:
 * {@code screen-<id>} on the panel, {@code screenLine} on the message that says why.
 */
final class ScreenPanels {

    private ScreenPanels() { }

    /** A column with the screen's title and its summary paragraph. */
    static VBox panel(Screen screen) {
        Label title = new Label(screen.title());
        title.getStyleClass().add(Styles.TITLE_2);
        Label summary = new Label(screen.summary());
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add(UiStyles.SCREEN_SUMMARY);
        VBox panel = new VBox(title, summary);
        panel.getStyleClass().add(UiStyles.SCREEN_PANEL);
        return panel;
    }

    static ScrollPane scroll(VBox panel, String screenId) {
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setId("screen-" + screenId);
        return scroll;
    }

    /** The panel for a screen that cannot run now, saying why and offering the way forward. */
    static ScrollPane gate(ScreenState state, Runnable connect, Runnable retry) {
        Screen screen = state.screen();
        VBox panel = panel(screen);
        Message why;
        switch (state.kind()) {
            case NOT_CONNECTED -> {
                why = message("Not connected", state.line(), Styles.ACCENT);
                panel.getChildren().addAll(why, actions(button("Connect…", connect, true)));
            }
            case CONNECTING -> {
                why = message("Connecting", state.line(), Styles.ACCENT);
                ProgressIndicator progress = new ProgressIndicator();
                progress.getStyleClass().add(Styles.SMALL);
                why.setGraphic(progress);
                panel.getChildren().add(why);
            }
            case FAILED -> {
                why = message("The connection failed", state.line(), Styles.DANGER);
                Button copy = button("Copy details", () -> copy(state.line() + "\n\n" + state.details()), false);
                copy.setId("copyFailureDetails");
                panel.getChildren().addAll(why, actions(button("Try again (F5)", retry, true),
                        button("Connect…", connect, false), copy));
            }
            case NEEDS_PROJECT -> {
                why = message("This screen needs a project database", state.line(), Styles.WARNING);
                Label dba = new Label("Health, Latency and Backups & Drills work on this database.");
                dba.getStyleClass().add(Styles.TEXT_MUTED);
                panel.getChildren().addAll(why, dba);
            }
            default -> throw new IllegalArgumentException("Not a gate: " + state.kind());
        }
        why.setId("screenLine");
        return scroll(panel, screen.id());
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    static Message message(String title, String line, String style) {
        Message message = new Message(title, line);
        message.getStyleClass().add(style);
        message.setMaxWidth(Double.MAX_VALUE);
        return message;
    }

    private static Button button(String text, Runnable action, boolean accent) {
        Button button = new Button(text);
        button.setOnAction(e -> action.run());
        if (accent) {
            button.getStyleClass().add(Styles.ACCENT);
        }
        return button;
    }

    private static HBox actions(Button... buttons) {
        HBox row = new HBox(8, buttons);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
