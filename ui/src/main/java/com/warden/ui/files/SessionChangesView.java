package com.warden.ui.files;

import com.warden.app.files.ChangedFile;
import com.warden.app.files.SessionSpan;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Sessions tab: a session of the app, and every file it changed; a click opens that diff. */
final class SessionChangesView extends VBox {

    SessionChangesView(FilesViewModel model) {
        getStyleClass().add("sidebar-tab");
        setSpacing(6);
        ComboBox<SessionSpan> sessions = new ComboBox<>(model.sessions());
        sessions.setId("sessionChoice");
        sessions.setMaxWidth(Double.MAX_VALUE);
        sessions.setPromptText("Session");
        sessions.setConverter(Texts.converter(s -> s.title() + (s.firstMessage() == null ? "" : "  ·  " + Texts.TIME.format(s.firstMessage()))));
        sessions.valueProperty().bindBidirectional(model.sessionProperty());
        Label summary = new Label();
        summary.setId("sessionSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(model.sessionSummaryProperty());
        ListView<ChangedFile> changes = new ListView<>(model.changes());
        changes.setId("changeList");
        changes.setPlaceholder(new Label("No changed files."));
        changes.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ChangedFile f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.path() + "\n    " + (f.created() ? "new → v" + f.toVersion()
                        : "v" + f.fromVersion() + " → v" + f.toVersion())
                        + (f.versionsInRange() > 1 ? "  ·  " + f.versionsInRange() + " versions" : "")
                        + (f.recordedBySession() ? "" : "  ·  not in its file_written events"));
            }
        });
        changes.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> model.openChange(f));
        VBox.setVgrow(changes, Priority.ALWAYS);
        getChildren().addAll(sessions, summary, changes);
    }
}
