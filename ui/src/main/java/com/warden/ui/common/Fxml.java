package com.warden.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view that sits beside its class (same package path under resources). */
public final class Fxml {

    private Fxml() { }

    /** The loaded root; the controller comes from {@code controllers}. */
    public static <T extends Parent> T load(Class<?> anchor, String resource, ControllerFactory controllers) {
        return loader(anchor, resource, controllers).getRoot();
    }

    /** The loader after loading: for {@code getRoot()} and {@code getController()}. */
    public static FXMLLoader loader(Class<?> anchor, String resource, ControllerFactory controllers) {
        URL url = anchor.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("FXML " + resource + " is missing beside " + anchor.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
        return loader;
    }
}
