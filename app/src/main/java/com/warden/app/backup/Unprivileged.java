package com.warden.app.backup;

import com.warden.app.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * initdb, pg_ctl and postgres refuse to run as root. As root on Linux, Warden runs them inside a
 * new user namespace ({@code unshare -U}): there the process is not root, and the files it
 * creates still belong to the real user, so Warden can read and remove them afterwards.
 */
public final class Unprivileged {
    private static final List<Path> UNSHARE = List.of(Path.of("/usr/bin/unshare"), Path.of("/bin/unshare"));

    private Unprivileged() { }

    public static boolean runningAsRoot() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (Exception e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The prefix for server programs: {@code [unshare, -U]} as root, nothing otherwise. */
    public static List<String> prefix() {
        if (!runningAsRoot()) {
            return List.of();
        }
        for (Path p : UNSHARE) {
            if (Files.isExecutable(p)) {
                return List.of(p.toString(), "-U");
            }
        }
        throw new WardenException("PostgreSQL's server programs refuse to run as root, and 'unshare' is not installed to run them in a user namespace.",
                "run Warden as a normal user, or install util-linux (unshare)");
    }
}
