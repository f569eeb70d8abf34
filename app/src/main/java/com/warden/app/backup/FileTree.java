package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** File chores for backups: digests, sizes, copies and removal of whole folders. */
public final class FileTree {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private FileTree() { }

    /** A file of a backup: its path relative to the backup folder (with '/'), size and SHA-256. */
    public record Entry(String path, long bytes, String sha256) { }

    /** Removes a file or a folder with everything in it; quiet when it does not exist. */
    public static void delete(Path path) {
        if (path == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new WardenException("Cannot remove " + path + ": " + e.getMessage(), "remove it by hand", e);
        }
    }

    /** Like {@link #delete} but never throws: for clean-up after a failure that is already being reported. */
    public static boolean deleteQuietly(Path path) {
        try {
            delete(path);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Total bytes of the regular files under a path (0 when it does not exist). */
    public static long size(Path path) {
        if (path == null || !Files.exists(path)) {
            return 0;
        }
        if (Files.isRegularFile(path)) {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return 0;
            }
        }
        AtomicLong total = new AtomicLong();
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    total.addAndGet(attrs.size());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a file vanished while we walked: the size is only for progress
        }
        return total.get();
    }

    /** The regular files under {@code root} (or root itself when it is a file), sorted by relative path. */
    public static List<Path> files(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new WardenException("Cannot list " + root + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * SHA-256 of every file under {@code target}, paths relative to {@code base}; two threads, as
     * the files were just written and sit in the page cache. Progress in bytes.
     */
    public static List<Entry> digest(Path base, Path target, JobContext job, String message) {
        List<Path> files = files(target);
        long total = files.stream().mapToLong(FileTree::sizeOf).sum();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, files.size())), r -> {
            Thread t = new Thread(r, "warden-digest-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Entry>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    job.checkCancelled();
                    String sha = sha256(f, n -> job.progress(done.addAndGet(n), total, message));
                    return new Entry(relative(base, f), sizeOf(f), sha);
                }));
            }
            List<Entry> out = new ArrayList<>();
            for (Future<Entry> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new WardenException("Cannot read the backup files: " + e.getCause().getMessage(), null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new com.warden.app.job.JobCancelledException();
        } finally {
            pool.shutdownNow();
        }
    }

    public static String sha256(Path file, java.util.function.LongConsumer read) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                read.accept(n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new WardenException("Cannot read " + file + ": " + e.getMessage(), null, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    /** Copies a folder tree (the files of a base backup into a scratch data folder), with progress in bytes. */
    public static void copyTree(Path from, Path to, JobContext job, String message) {
        long total = size(from);
        AtomicLong done = new AtomicLong();
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    job.checkCancelled();
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    job.progress(done.addAndGet(attrs.size()), total, message);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new WardenException("Cannot copy " + from + " to " + to + ": " + e.getMessage(),
                    noSpace(e) ? "the disk holding " + to + " is full" : null, e);
        }
    }

    /** Writes text to a temporary file beside the target and moves it into place. */
    public static void writeAtomically(Path target, byte[] bytes) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new WardenException("Cannot write " + target + ": " + e.getMessage(),
                    noSpace(e) ? "the disk holding it is full" : null, e);
        }
    }

    static boolean noSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left") || m.contains("not enough space") || m.contains("Disk quota")) {
                return true;
            }
        }
        return false;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
