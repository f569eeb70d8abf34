package com.warden.ui.sessions;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One message in the timeline: role, model, tokens and time on top; the content below with
 * fenced code blocks in monospace; a cut message says so and offers "show all".
 */
final class MessageCell extends ListCell<MessageItem> {
    private final Supplier<UUID> highlighted;
    private final Consumer<MessageItem> showAll;
    private final Consumer<MessageItem> copy;
    private final Consumer<MessageItem> copyId;

    MessageCell(ListView<MessageItem> list, Supplier<UUID> highlighted, Consumer<MessageItem> showAll,
                Consumer<MessageItem> copy, Consumer<MessageItem> copyId) {
        this.highlighted = highlighted;
        this.showAll = showAll;
        this.copy = copy;
        this.copyId = copyId;
        prefWidthProperty().bind(list.widthProperty().subtract(24));
        setMaxWidth(Region.USE_PREF_SIZE);
        getStyleClass().add("message-cell");
    }

    @Override
    protected void updateItem(MessageItem item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("hit");
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            setContextMenu(null);
            return;
        }
        if (item.id().equals(highlighted.get())) {
            getStyleClass().add("hit");
        }
        Label role = new Label(item.role());
        role.getStyleClass().addAll("role", "role-" + item.role());
        Label model = new Label(item.model());
        model.getStyleClass().add("muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label tokens = new Label(Fmt.plural(item.tokens(), "token", "tokens"));
        tokens.getStyleClass().add("muted");
        Label time = new Label(item.time());
        time.getStyleClass().add("muted");
        HBox header = new HBox(8, role, model);
        if (item.cut()) {
            Label note = new Label(item.cutNote());
            note.getStyleClass().add("cut-label");
            Hyperlink all = new Hyperlink("Show all");
            all.getStyleClass().add("show-all");
            all.setOnAction(e -> showAll.accept(item));
            header.getChildren().addAll(note, all);
        }
        header.getChildren().addAll(gap, tokens, time);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("message-header");

        VBox body = new VBox(6);
        body.getStyleClass().add("message-body");
        for (MessageItem.Part part : item.parts()) {
            Label text = new Label(part.text());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.setMaxWidth(Double.MAX_VALUE);
            // tool output (a shell, a build) reads as a terminal: monospace too
            text.getStyleClass().add(part.code() ? "code-block" : "tool".equals(item.role()) ? "tool-output" : "prose");
            body.getChildren().add(text);
        }
        if (item.cut()) {
            Label more = new Label("…");
            more.getStyleClass().add("muted");
            body.getChildren().add(more);
        }
        VBox card = new VBox(4, header, body);
        card.getStyleClass().add("message-card");
        setGraphic(card);
        setText(null);

        MenuItem copyItem = new MenuItem("Copy message");
        copyItem.setOnAction(e -> copy.accept(item));
        MenuItem idItem = new MenuItem("Copy message id");
        idItem.setOnAction(e -> copyId.accept(item));
        ContextMenu menu = new ContextMenu(copyItem, idItem);
        if (item.cut()) {
            MenuItem allItem = new MenuItem("Show all");
            allItem.setOnAction(e -> showAll.accept(item));
            menu.getItems().add(allItem);
        }
        setContextMenu(menu);
    }
}
