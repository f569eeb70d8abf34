package com.warden.ui.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The desktop's own settings (desktop.json in the config folder). Small and typed; no passwords,
 * no connection details (those are in connections.json and ~/.pgpass).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesktopSettings(String theme) {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    public DesktopSettings {
        theme = DARK.equals(theme) ? DARK : LIGHT;
    }

    public static DesktopSettings defaults() {
        return new DesktopSettings(LIGHT);
    }

    public boolean dark() {
        return DARK.equals(theme);
    }

    public DesktopSettings withDark(boolean dark) {
        return new DesktopSettings(dark ? DARK : LIGHT);
    }
}
