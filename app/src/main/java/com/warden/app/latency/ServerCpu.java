package com.warden.app.latency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a server backend has used, read from /proc when the server runs on this machine
 * (/proc/PID/schedstat in nanoseconds, else /proc/PID/stat in clock ticks). Only trusted when the
 * process really is a postgres backend, so a remote server's pid never reads a local process.
 */
public final class ServerCpu {
    private ServerCpu() { }

    /** CPU nanoseconds of the process, or -1 when it cannot be read here. */
    public static long nanos(int pid) {
        if (pid <= 0) {
            return -1;
        }
        Path proc = Path.of("/proc", String.valueOf(pid));
        try {
            String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            String comm = Files.readString(proc.resolve("comm")).strip();
            if (!cmd.startsWith("postgres") && !comm.startsWith("postgres") && !cmd.contains("postgres:")) {
                return -1;
            }
            Path schedstat = proc.resolve("schedstat");
            if (Files.isReadable(schedstat)) {
                String[] parts = Files.readString(schedstat).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
