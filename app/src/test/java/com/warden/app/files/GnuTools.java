package com.warden.app.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The real GNU diff and patch, for tests that prove our output against them. */
final class GnuTools {
    private GnuTools() { }

    record Applied(int exitCode, byte[] result, String output) { }

    /** Applies a unified diff to the old text with GNU patch (no fuzz allowed) and returns the patched bytes. */
    static Applied patch(byte[] old, String unified) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("warden-patch-");
        try {
            Path original = Files.write(dir.resolve("old"), old);
            Path diff = Files.writeString(dir.resolve("change.diff"), unified, StandardCharsets.UTF_8);
            Path out = dir.resolve("out");
            Process p = new ProcessBuilder("patch", "--batch", "--fuzz=0", "--no-backup-if-mismatch", "-o", out.toString(),
                    original.toString(), diff.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("patch hung");
            }
            return new Applied(p.exitValue(), Files.exists(out) ? Files.readAllBytes(out) : new byte[0], output);
        } finally {
            delete(dir);
        }
    }

    static Applied patch(String old, String unified) throws IOException, InterruptedException {
        return patch(old.getBytes(StandardCharsets.UTF_8), unified);
    }

    /** GNU diff -u of two texts, without its two header lines. */
    static String diffBody(String a, String b, String... options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("warden-diff-");
        try {
            Path x = Files.writeString(dir.resolve("a"), a, StandardCharsets.UTF_8);
            Path y = Files.writeString(dir.resolve("b"), b, StandardCharsets.UTF_8);
            List<String> cmd = new java.util.ArrayList<>(List.of("diff"));
            cmd.addAll(List.of(options));
            cmd.add(x.toString());
            cmd.add(y.toString());
            Process p = new ProcessBuilder(cmd).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            int second = out.indexOf('\n', out.indexOf('\n') + 1);
            return second < 0 ? "" : out.substring(second + 1);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
