package com.warden.ui.common;

/**
 * Style class names of warden.css, so Java code names them once. Colours and sizes live in the
 * stylesheet; AtlantaFX's own classes are in {@link atlantafx.base.theme.Styles}.
 */
public final class UiStyles {
    public static final String APP = "warden";
    public static final String NAVIGATION = "warden-nav";
    public static final String NAV_TITLE = "nav-title";
    public static final String NAV_CAPTION = "nav-caption";
    public static final String UNAVAILABLE = "unavailable";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String SCREEN_PANEL = "screen-panel";
    public static final String SCREEN_SUMMARY = "screen-summary";
    public static final String SCREEN_KIND = "screen-kind";
    public static final String ERROR_BANNER = "error-banner";
    public static final String DIALOG = "warden-dialog";
    public static final String FORM_ERROR = "form-error";
    public static final String FORM_OK = "form-ok";

    private UiStyles() { }
}
