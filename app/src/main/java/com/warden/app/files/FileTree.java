package com.warden.app.files;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An app's files as a tree of folders built from their paths; folders first, then files, by name. */
public record FileTree(Node root) {

    /** A folder (file == null) or a file; path is the full path of either ("" for the root). */
    public record Node(String name, String path, FileEntry file, List<Node> children) {
        public boolean folder() {
            return file == null;
        }

        /** Files under this node, at any depth. */
        public int fileCount() {
            return folder() ? children.stream().mapToInt(Node::fileCount).sum() : 1;
        }
    }

    public static FileTree of(List<FileEntry> files) {
        Folder root = new Folder();
        for (FileEntry f : files) {
            String[] parts = f.path().split("/");
            Folder at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                at = at.folders.computeIfAbsent(parts[i], k -> new Folder());
            }
            at.files.put(parts[parts.length - 1], f);
        }
        return new FileTree(root.toNode("", ""));
    }

    private static final class Folder {
        final Map<String, Folder> folders = new TreeMap<>();
        final Map<String, FileEntry> files = new TreeMap<>();

        Node toNode(String name, String path) {
            List<Node> children = new ArrayList<>();
            folders.forEach((n, f) -> children.add(f.toNode(n, path.isEmpty() ? n : path + "/" + n)));
            files.forEach((n, f) -> children.add(new Node(n, f.path(), f, List.of())));
            children.sort(Comparator.comparing((Node c) -> !c.folder()).thenComparing(Node::name));
            return new Node(name, path, null, List.copyOf(children));
        }
    }
}
