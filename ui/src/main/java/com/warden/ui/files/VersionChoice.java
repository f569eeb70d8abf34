package com.warden.ui.files;

import com.warden.app.files.FileVersion;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/** One side of the comparison: any version of the file; shown short on the button ("v3 · head"). */
final class VersionChoice extends ComboBox<FileVersion> {

    VersionChoice(String id, ObservableList<FileVersion> versions, ObjectProperty<FileVersion> chosen, String none, String tip) {
        super(versions);
        setId(id);
        setPrefWidth(140);
        setMinWidth(120);
        setTooltip(new Tooltip(tip));
        setConverter(Texts.converter(v -> v.label() + "  ·  " + (v.createdAt() == null ? "" : Texts.TIME.format(v.createdAt()))
                + (v.head() ? "  ·  head" : "")));
        setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(FileVersion v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? none : v.label() + (v.head() ? " · head" : ""));
            }
        });
        valueProperty().bindBidirectional(chosen);
    }
}
