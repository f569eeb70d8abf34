package com.warden.app.demo;

import com.warden.app.WardenException;
import java.util.Locale;

/**
 * How much data to generate. S is the demo: the templates once each, about 50 sessions.
 * M and L come out at exactly the counts: per app 10 sessions, 1,000 messages,
 * 100 files, 300 versions, 300 references and 20 image jobs.
 */
public enum Scale {
    S(1, 10, 0),
    M(200, 10, 1000),
    L(2000, 10, 1000);

    /** Copies of each of the five templates. */
    final int appsPerTemplate;
    final int sessionsPerApp;
    /** Messages per app, spread over its sessions; 0 = as the templates and variants make them. */
    final int messagesPerApp;

    Scale(int appsPerTemplate, int sessionsPerApp, int messagesPerApp) {
        this.appsPerTemplate = appsPerTemplate;
        this.sessionsPerApp = sessionsPerApp;
        this.messagesPerApp = messagesPerApp;
    }

    static final int FILES_PER_APP = 100;
    static final int VERSIONS_PER_APP = 300;
    static final int REFERENCES_PER_APP = 300;
    static final int IMAGE_JOBS_PER_APP = 20;

    public boolean synthetic() {
        return this != S;
    }

    public static Scale parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WardenException("Unknown scale '" + text + "'.", "use S (demo), M or L");
        }
    }
}
