package com.warden.app.impact;

import java.util.Locale;

/** What sort of file a node is, from its extension: the graph colours nodes by it. */
public enum FileKind {
    COMPONENT, SCRIPT, STYLE, ASSET, MARKUP, DATA, OTHER;

    public static FileKind of(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int dot = p.lastIndexOf('.');
        String ext = dot < 0 ? "" : p.substring(dot + 1);
        switch (ext) {
            case "tsx": case "jsx": case "vue": case "svelte":
                return COMPONENT;
            case "ts": case "js": case "mjs": case "cjs":
                return SCRIPT;
            case "css": case "scss": case "sass": case "less":
                return STYLE;
            case "svg": case "png": case "jpg": case "jpeg": case "gif": case "webp": case "ico":
                return ASSET;
            case "html": case "htm": case "md":
                return MARKUP;
            case "json": case "yaml": case "yml": case "toml":
                return DATA;
            default:
                return OTHER;
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
