package com.warden.app.impact;

import com.warden.app.WardenException;
import java.util.UUID;

/** Where a walk starts: a file named by app and path, a file by id, or everything a session changed. */
public sealed interface ImpactRoot permits ImpactRoot.ByPath, ImpactRoot.ByFile, ImpactRoot.BySession {

    /** A short description for titles and messages. */
    String describe();

    static ByPath path(String app, String path) {
        return new ByPath(app, path);
    }

    static ByFile file(UUID fileId) {
        return new ByFile(fileId);
    }

    static BySession session(UUID sessionId) {
        return new BySession(sessionId);
    }

    /** A file by its app (name, or id in text) and its path inside the app. */
    record ByPath(String app, String path) implements ImpactRoot {
        public ByPath {
            if (app == null || app.isBlank()) {
                throw new WardenException("No app given.", "name the app (--app \"Todo App\") or give its id");
            }
            if (path == null || path.isBlank()) {
                throw new WardenException("No file path given.", "give the path inside the app, e.g. src/App.tsx");
            }
            app = app.trim();
            path = normalise(path);
        }

        /** The app text as an id, when it is one. */
        public UUID appId() {
            return Uuids.parseOrNull(app);
        }

        @Override
        public String describe() {
            return path + " in " + app;
        }

        private static String normalise(String path) {
            String p = path.trim().replace('\\', '/');
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
            return p;
        }
    }

    /** A file by id: re-rooting from the graph. */
    record ByFile(UUID fileId) implements ImpactRoot {
        public ByFile {
            if (fileId == null) {
                throw new WardenException("No file given.", "pick a file to start from");
            }
        }

        @Override
        public String describe() {
            return "file " + fileId;
        }
    }

    /** Every file the session changed: files with a version created between its first and last message. */
    record BySession(UUID sessionId) implements ImpactRoot {
        public BySession {
            if (sessionId == null) {
                throw new WardenException("No session given.", "give the session id (warden sessions lists them)");
            }
        }

        @Override
        public String describe() {
            return "the changes of session " + sessionId;
        }
    }
}
