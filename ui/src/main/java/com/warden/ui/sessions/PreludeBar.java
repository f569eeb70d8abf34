package com.warden.ui.sessions;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The token-budget bar: one segment per prelude part, as wide as its tokens. What the prelude
 * keeps comes first (print order, in its section's colour), then what it drops, in drop order and
 * numbered; a marker where the budget ends. So the kept block sits left of the marker.
 */
final class PreludeBar extends StackPane {
    private final HBox segments = new HBox();
    private final Region marker = new Region();
    private final Pane overlay = new Pane(marker);

    PreludeBar() {
        getStyleClass().add("prelude-bar");
        segments.getStyleClass().add("segments");
        marker.getStyleClass().add("budget-marker");
        marker.setManaged(false);
        overlay.setMouseTransparent(true);
        getChildren().addAll(segments, overlay);
        setMinHeight(26);
        setPrefHeight(26);
        setMaxHeight(26);
        widthProperty().addListener((obs, old, now) -> requestLayout());
    }

    private List<MemoryItems.PartItem> parts = List.of();
    private Integer budget;

    void show(List<MemoryItems.PartItem> newParts, Integer newBudget) {
        java.util.List<MemoryItems.PartItem> ordered = new java.util.ArrayList<>();
        newParts.stream().filter(MemoryItems.PartItem::kept).forEach(ordered::add);
        newParts.stream().filter(p -> !p.kept()).sorted(java.util.Comparator.comparingInt(MemoryItems.PartItem::dropRank))
                .forEach(ordered::add);
        this.parts = List.copyOf(ordered);
        this.budget = newBudget;
        segments.getChildren().clear();
        for (MemoryItems.PartItem p : parts) {
            Label seg = new Label(p.kept() ? "" : String.valueOf(p.dropRank()));
            seg.getStyleClass().addAll("segment", p.kept() ? "kept-" + p.sectionKey() : "dropped");
            seg.setMinWidth(0);
            seg.setMaxHeight(Double.MAX_VALUE);
            Tooltip.install(seg, new Tooltip(p.section() + " · " + p.tokens() + " tokens · " + p.state()
                    + (p.dropRank() == 0 ? "" : " (drop #" + p.dropRank() + ")") + "\n" + p.text()));
            segments.getChildren().add(seg);
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        int total = parts.stream().mapToInt(MemoryItems.PartItem::tokens).sum();
        double scale = total == 0 ? 0 : width / Math.max(total, budget == null ? 0 : budget);
        for (int i = 0; i < parts.size() && i < segments.getChildren().size(); i++) {
            Region seg = (Region) segments.getChildren().get(i);
            double w = Math.max(2, parts.get(i).tokens() * scale);
            seg.setPrefWidth(w);
            seg.setMaxWidth(w);
        }
        marker.setVisible(budget != null && total > 0);
        if (budget != null) {
            double x = Math.min(width - 2, budget * scale);
            marker.resizeRelocate(x, 0, 2, getHeight());
        }
    }
}
