package com.warden.app.health;

import java.time.Duration;
import java.util.Locale;

/** How figures are written in check values and details. */
public final class Fmt {
    private Fmt() { }

    public static String duration(Duration d) {
        if (d == null) {
            return "never";
        }
        long s = Math.max(0, d.getSeconds());
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " m " + s % 60 + " s";
        }
        if (s < 86400) {
            return s / 3600 + " h " + s % 3600 / 60 + " m";
        }
        return s / 86400 + " d " + s % 86400 / 3600 + " h";
    }

    public static String seconds(double seconds) {
        return duration(Duration.ofMillis((long) (seconds * 1000)));
    }

    public static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    public static String percent(double ratio) {
        double p = ratio * 100;
        return String.format(Locale.ROOT, p >= 99.95 || p == 0 ? "%.0f%%" : p >= 99 ? "%.2f%%" : "%.1f%%", p)
                .replace("100.00%", "100%");
    }

    public static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 1 ? "%.3f ms" : ms < 100 ? "%.2f ms" : "%.0f ms", ms);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
