package com.warden.ui.files;

import com.warden.app.files.BinaryInfo;
import com.warden.app.files.FileDiff;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Binary content has no text diff: both sides' size, SHA-256 and format (read from the magic
 * bytes), and both images side by side when they are images JavaFX can draw (PNG, JPEG, GIF).
 */
public final class BinaryView extends HBox {

    public BinaryView() {
        getStyleClass().add("binary-view");
        setId("binaryView");
        setAlignment(Pos.TOP_LEFT);
    }

    public void show(FileDiff diff) {
        getChildren().setAll(side(diff.fromLabel(), diff.leftInfo(), diff.from() == null ? null : diff.from().asBytes(), "binaryLeft"),
                side(diff.toLabel(), diff.rightInfo(), diff.to().asBytes(), "binaryRight"));
    }

    private static VBox side(String label, BinaryInfo info, byte[] bytes, String id) {
        VBox box = new VBox();
        box.setId(id);
        box.getStyleClass().add("binary-side");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        Label title = new Label(label);
        title.getStyleClass().add("title");
        box.getChildren().add(title);
        if (info == null) {
            Label nothing = new Label("Nothing: the file did not exist before this version.");
            nothing.setWrapText(true);
            box.getChildren().add(nothing);
            box.setMaxWidth(260);
            HBox.setHgrow(box, Priority.NEVER);
            return box;
        }
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(names, values);
        facts.addRow(0, new Label("Size"), new Label(String.format(Locale.ROOT, "%,d bytes", info.size())));
        Label digest = new Label(info.sha256());
        digest.setWrapText(true);
        facts.addRow(1, new Label("SHA-256"), digest);
        facts.addRow(2, new Label("Format"), new Label(info.format() == null ? "not an image Warden recognises"
                : info.format().toUpperCase(Locale.ROOT) + (info.width() == null ? "" : ", " + info.width() + " × " + info.height() + " px")));
        box.getChildren().add(facts);
        if (info.image() && bytes != null) {
            Image image = new Image(new ByteArrayInputStream(bytes));
            if (image.isError()) {
                box.getChildren().add(new Label("No preview: JavaFX cannot draw " + info.format().toUpperCase(Locale.ROOT) + "."));
            } else {
                ImageView view = new ImageView(image);
                view.setPreserveRatio(true);
                view.setSmooth(false);
                // small icons are shown larger, pixels kept sharp
                double scale = Math.max(1, Math.min(8, Math.floor(256 / Math.max(image.getWidth(), image.getHeight()))));
                view.setFitWidth(Math.min(480, image.getWidth() * scale));
                StackPane frame = new StackPane(view);
                frame.getStyleClass().add("image-frame");
                frame.setMaxWidth(StackPane.USE_PREF_SIZE);
                box.getChildren().add(frame);
            }
        }
        return box;
    }
}
