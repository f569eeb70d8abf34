package com.warden.ui.files;

import atlantafx.base.theme.Styles;
import com.warden.app.files.AppRef;
import com.warden.app.files.FileEntry;
import com.warden.app.files.FileTree;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Files tab: the app, and its files as a tree of folders. A file with several versions shows
 * their count; a file with a broken head pointer is red with the problem as tooltip. Selecting a
 * file opens it; a file opened elsewhere (a session's change) is selected here too.
 */
final class FileTreeView extends VBox {
    private final FilesViewModel model;
    private final TreeView<FileTree.Node> tree = new TreeView<>();
    private boolean selecting;

    FileTreeView(FilesViewModel model) {
        this.model = model;
        getStyleClass().add("sidebar-tab");
        setSpacing(6);
        ComboBox<AppRef> apps = new ComboBox<>(model.apps());
        apps.setId("appChoice");
        apps.setMaxWidth(Double.MAX_VALUE);
        apps.setPromptText("App");
        apps.setTooltip(new Tooltip("The app whose files are shown"));
        apps.setConverter(Texts.converter(a -> a.name() + "  (" + a.files() + " files)"));
        apps.valueProperty().bindBidirectional(model.appProperty());
        tree.setId("fileTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new FileCell());
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(apps, tree);
        model.treeProperty().addListener((o, a, t) -> show(t));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!selecting && item != null && item.getValue() != null && !item.getValue().folder()) {
                model.selectFile(item.getValue().file());
            }
        });
        model.fileProperty().addListener((o, a, f) -> select(f));
    }

    private void show(FileTree t) {
        selecting = true;
        tree.setRoot(t == null ? null : item(t.root()));
        selecting = false;
        select(model.fileProperty().get());
    }

    private static TreeItem<FileTree.Node> item(FileTree.Node node) {
        TreeItem<FileTree.Node> item = new TreeItem<>(node);
        for (FileTree.Node child : node.children()) {
            item.getChildren().add(item(child));
        }
        item.setExpanded(node.folder());
        return item;
    }

    private void select(FileEntry f) {
        if (f == null || tree.getRoot() == null) {
            return;
        }
        TreeItem<FileTree.Node> found = find(tree.getRoot(), f.path());
        if (found != null && tree.getSelectionModel().getSelectedItem() != found) {
            selecting = true;
            tree.getSelectionModel().select(found);
            int row = tree.getRow(found);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 5));
            }
            selecting = false;
        }
    }

    private static TreeItem<FileTree.Node> find(TreeItem<FileTree.Node> item, String path) {
        FileTree.Node node = item.getValue();
        if (node != null && !node.folder() && node.path().equals(path)) {
            return item;
        }
        for (TreeItem<FileTree.Node> child : item.getChildren()) {
            TreeItem<FileTree.Node> hit = find(child, path);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    private static final class FileCell extends TreeCell<FileTree.Node> {
        @Override
        protected void updateItem(FileTree.Node node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            setTooltip(null);
            if (empty || node == null) {
                setText(null);
                return;
            }
            if (node.folder()) {
                setText(node.name() + "/");
                return;
            }
            FileEntry f = node.file();
            setText(node.name() + (f.versions() > 1 ? "   ·" + f.versions() : ""));
            if (!f.healthy()) {
                getStyleClass().add(Styles.DANGER);
                setTooltip(new Tooltip(f.headProblem()));
            } else if (f.binary()) {
                getStyleClass().add(Styles.TEXT_MUTED);
            }
        }
    }
}
