package com.warden.ui.shell;

import javafx.scene.Node;

/** What a {@link Screen} built for one connection: its node, and what F5 and a disconnect do to it. */
public interface ScreenView {

    Node node();

    /** F5: reload from the database (through the view-model's background jobs). */
    default void refresh() { }

    /** The connection is going away or changing: stop timers, live tails, running jobs. */
    default void dispose() { }

    static ScreenView of(Node node) {
        return () -> node;
    }

    static ScreenView of(Node node, Runnable refresh, Runnable dispose) {
        return new ScreenView() {
            @Override public Node node() { return node; }
            @Override public void refresh() { refresh.run(); }
            @Override public void dispose() { dispose.run(); }
        };
    }
}
