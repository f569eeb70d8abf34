package com.warden.app.backup;

import com.warden.app.WardenException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Just enough tar to read what pg_basebackup writes (ustar, optionally gzip): walk the entries,
 * or extract them under a folder. No links outside the target, no absolute paths.
 */
public final class TarArchive {
    private TarArchive() { }

    /** The bytes are not a well-formed tar (stream): truncated, corrupted, or not a tar at all. */
    public static final class CorruptArchiveException extends IOException {
        public CorruptArchiveException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One entry as it streams past; {@code content} must be read (or not) before the next. */
    @FunctionalInterface
    public interface Visitor {
        void entry(String name, char type, long size, int mode, InputStream content) throws IOException;
    }

    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    public static void walk(Path file, Visitor visitor) {
        try (InputStream in = open(file)) {
            walk(in, visitor);
        } catch (IOException e) {
            throw new WardenException("Cannot read " + file + ": " + e.getMessage(), "the archive is truncated or damaged", e);
        }
    }

    /** Walks an already opened (and decompressed) tar stream. */
    public static void walk(InputStream in, Visitor visitor) throws IOException {
        {
            byte[] header = new byte[512];
            String longName = null;
            while (true) {
                if (!readFully(in, header)) {
                    return;
                }
                if (isZero(header)) {
                    return;
                }
                long stored = octal(header, 148, 8);
                long sum = 0;
                for (int i = 0; i < 512; i++) {
                    sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
                }
                if (stored != sum) {
                    throw new CorruptArchiveException("a tar header fails its checksum (the archive is corrupted)", null);
                }
                String name = longName != null ? longName : text(header, 0, 100);
                longName = null;
                if (name.isEmpty()) {
                    throw new CorruptArchiveException("a tar entry has no name (the archive is corrupted)", null);
                }
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty() && header[257] == 'u') {
                    name = prefix + "/" + name;
                }
                long size = octal(header, 124, 12);
                int mode = (int) octal(header, 100, 8);
                char type = header[156] == 0 ? '0' : (char) header[156];
                BoundedStream content = new BoundedStream(in, size);
                if (type == 'L') {
                    longName = new String(content.readAllBytes(), StandardCharsets.UTF_8).replace("\0", "");
                } else {
                    visitor.entry(name, type, size, mode, content);
                }
                content.skipRest();
                long pad = (512 - (size % 512)) % 512;
                skip(in, pad);
            }
        }
    }

    /**
     * Extracts every entry of a tar stream (gzip when {@code gzip}) under {@code target}; refuses
     * names that would escape it and symbolic links (tablespaces). {@code written} hears the bytes.
     */
    public static void extract(InputStream raw, boolean gzip, Path target, com.warden.app.job.JobContext job,
                               java.util.function.LongConsumer written) throws IOException {
        try {
            extractStream(raw, gzip, target, job, written);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new CorruptArchiveException("the compressed archive is damaged: " + e.getMessage(), e);
        }
    }

    private static void extractStream(InputStream raw, boolean gzip, Path target, com.warden.app.job.JobContext job,
                                      java.util.function.LongConsumer written) throws IOException {
        InputStream in = gzip ? new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16)
                : new BufferedInputStream(raw, 1 << 16);
        walk(in, (name, type, size, mode, content) -> {
            job.checkCancelled();
            Path out = target.resolve(name).normalize();
            if (!out.startsWith(target)) {
                throw new IOException("entry " + name + " points outside the target folder");
            }
            if (type == '5') {
                Files.createDirectories(out);
                restrict(out, true);
            } else if (type == '0' || type == '7') {
                Files.createDirectories(out.getParent());
                try (OutputStream os = Files.newOutputStream(out)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = content.read(buf)) > 0) {
                        os.write(buf, 0, n);
                        written.accept(n);
                    }
                }
                restrict(out, false);
            } else if (type == '2') {
                throw new IOException("entry " + name + " is a symbolic link (a tablespace); scratch restores hold pg_default only");
            }
        });
    }

    private static void restrict(Path p, boolean dir) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(dir ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system
        }
    }

    private static boolean readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int n = in.read(buf, off, buf.length - off);
            if (n < 0) {
                if (off == 0) {
                    return false;
                }
                throw new EOFException("the archive ends inside a header");
            }
            off += n;
        }
        return true;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the archive ends early");
                }
                s = 1;
            }
            left -= s;
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c == 0 || c == ' ') {
                if (v > 0) {
                    break;
                }
                continue;
            }
            if (c < '0' || c > '7') {
                break;
            }
            v = v * 8 + (c - '0');
        }
        return v;
    }

    /** The bytes of one entry, and no more. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the archive ends inside an entry");
            }
            left--;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("the archive ends inside an entry");
            }
            left -= n;
            return n;
        }

        void skipRest() throws IOException {
            TarArchive.skip(in, left);
            left = 0;
        }

        @Override
        public void close() {
            // the outer stream stays open
        }
    }
}
