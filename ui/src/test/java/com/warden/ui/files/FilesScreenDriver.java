package com.warden.ui.files;

import static com.warden.ui.common.FxWait.onFx;
import static com.warden.ui.common.FxWait.until;

import com.warden.app.files.AppRef;
import com.warden.app.files.FileTree;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.testfx.api.FxRobot;

/** What the screen's TestFX tests do first: open Files & Diffs, choose an app, pick a file in the tree. */
final class FilesScreenDriver {
    private FilesScreenDriver() { }

    @SuppressWarnings("unchecked")
    static void openApp(FxRobot robot, String app) {
        until("connected", () -> robot.lookup("#schemaStatus").queryAs(Label.class).getText().startsWith("schema core"));
        robot.clickOn("#nav-files");
        until("the file tree", () -> robot.lookup("#fileTree").tryQuery().isPresent()
                && robot.lookup("#fileTree").queryAs(TreeView.class).getRoot() != null);
        ComboBox<AppRef> apps = robot.lookup("#appChoice").queryAs(ComboBox.class);
        onFx(() -> {
            apps.getSelectionModel().select(apps.getItems().stream().filter(a -> a.name().equals(app)).findFirst().orElseThrow());
            return null;
        });
    }

    /** Selects a file in the tree (once the chosen app's tree holds it) and waits until the screen shows it. */
    @SuppressWarnings("unchecked")
    static void openFile(FxRobot robot, String path) {
        TreeView<FileTree.Node> tree = robot.lookup("#fileTree").queryAs(TreeView.class);
        until(path + " in the tree", () -> find(tree.getRoot(), path) != null);
        onFx(() -> {
            tree.getSelectionModel().select(find(tree.getRoot(), path));
            return null;
        });
        until(path + " on screen", () -> path.equals(robot.lookup("#filePath").queryAs(Label.class).getText()));
    }

    static TreeItem<FileTree.Node> find(TreeItem<FileTree.Node> item, String path) {
        if (item == null) {
            return null;
        }
        if (item.getValue() != null && !item.getValue().folder() && item.getValue().path().equals(path)) {
            return item;
        }
        for (TreeItem<FileTree.Node> c : item.getChildren()) {
            TreeItem<FileTree.Node> hit = find(c, path);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }
}
