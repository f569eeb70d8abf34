package com.warden.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.net.URL;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light and dark come from AtlantaFX (Primer); Warden's own small stylesheet sits on top of every
 * scene and uses only the theme's colour variables (-color-fg-muted, -color-bg-subtle…), so one
 * stylesheet serves both themes and no colour is written in Java.
 */
public final class Themes {
    private static final String APP_CSS = "warden.css";

    private Themes() { }

    public static Theme theme(boolean dark) {
        return dark ? new PrimerDark() : new PrimerLight();
    }

    /** Sets the application-wide theme; call on the FX thread. */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(theme(dark).getUserAgentStylesheet());
    }

    /** Adds Warden's stylesheet to a scene (main window, dialogs). */
    public static void style(Scene scene) {
        String css = stylesheet();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }

    public static String stylesheet() {
        URL url = Themes.class.getResource(APP_CSS);
        if (url == null) {
            throw new IllegalStateException(APP_CSS + " is missing beside " + Themes.class.getName());
        }
        return url.toExternalForm();
    }
}
