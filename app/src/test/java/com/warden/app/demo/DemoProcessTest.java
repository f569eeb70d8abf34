package com.warden.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `warden demo --headless` as a real process: it seeds the first time, serves the demo, and its
 * server goes away when Warden ends, by SIGTERM (shutdown hook) or by SIGKILL (the watchdog).
 */
class DemoProcessTest {
    @TempDir
    Path data;

    @Test
    void theServerStopsWhenWardenIsTerminated() throws Exception {
        Process warden = start();
        String url = readUrl(warden);
        assertThat(sessions(url)).isBetween(45L, 60L);
        long postmaster = postmasterPid();
        warden.destroy(); // SIGTERM, as from Ctrl+C or kill
        assertThat(warden.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(waitUntilGone(postmaster)).isTrue();
    }

    @Test
    void theServerStopsEvenWhenWardenIsKilled() throws Exception {
        Process warden = start();
        readUrl(warden);
        long postmaster = postmasterPid();
        warden.destroyForcibly(); // SIGKILL: no shutdown hooks run
        warden.waitFor(30, TimeUnit.SECONDS);
        assertThat(waitUntilGone(postmaster)).isTrue();
        // and the next start reuses the cluster without seeding again
        Process again = start();
        String url = readUrl(again);
        assertThat(sessions(url)).isBetween(45L, 60L);
        again.destroy();
        again.waitFor(60, TimeUnit.SECONDS);
    }

    private Process start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "com.warden.app.cli.WardenCli", "demo", "--headless", "--data", data.resolve("cluster").toString());
        pb.environment().put("WARDEN_LOG_DIR", data.resolve("logs").toString());
        pb.redirectError(data.resolve("stderr.txt").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    private String readUrl(Process warden) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(warden.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("postgresql://")) {
                return line.trim();
            }
        }
        throw new AssertionError("no URL printed; stderr: " + Files.readString(data.resolve("stderr.txt")));
    }

    private long postmasterPid() throws Exception {
        List<String> lines = Files.readAllLines(data.resolve("cluster").resolve("postmaster.pid"));
        return Long.parseLong(lines.get(0).trim());
    }

    private static boolean waitUntilGone(long pid) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static long sessions(String url) throws Exception {
        String jdbc = "jdbc:" + url.replace("postgresql://postgres@", "postgresql://");
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM core.sessions")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
