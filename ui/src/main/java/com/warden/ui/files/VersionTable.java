package com.warden.ui.files;

import atlantafx.base.theme.Styles;
import com.warden.app.files.FileVersion;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The versions of the file, newest first: number, size, author, time, short digest and the head.
 * Selecting one shows what it changed and makes it the version "Make this version the head" acts on.
 */
final class VersionTable extends TableView<FileVersion> {

    VersionTable(FilesViewModel model) {
        super(model.versions());
        setId("versionTable");
        setMinHeight(90);
        setPlaceholder(new Label("No versions."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("Version", 80, FileVersion::label));
        getColumns().add(column("Size", 90, v -> String.format(Locale.ROOT, "%,d B", v.sizeBytes())));
        getColumns().add(column("Created by", 190, FileVersion::createdBy));
        getColumns().add(column("Created at", 170, v -> v.createdAt() == null ? "" : Texts.TIME.format(v.createdAt())));
        getColumns().add(column("SHA-256", 130, FileVersion::shortDigest));
        TableColumn<FileVersion, String> head = column("", 70, v -> v.head() ? "head" : "");
        head.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove(Styles.ACCENT);
                if (!empty && "head".equals(item)) {
                    getStyleClass().add(Styles.ACCENT);
                }
            }
        });
        getColumns().add(head);
        getSelectionModel().selectedItemProperty().addListener((o, a, v) -> {
            model.chosenVersionProperty().set(v);
            if (v != null) {
                model.showVersion(v);
            }
        });
        model.toProperty().addListener((o, a, v) -> {
            if (v != null && getSelectionModel().getSelectedItem() != v) {
                getSelectionModel().select(v);
            }
        });
    }

    private static TableColumn<FileVersion, String> column(String title, double width, Function<FileVersion, String> value) {
        TableColumn<FileVersion, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
