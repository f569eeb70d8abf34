package com.warden.app.backup;

import com.warden.app.WardenException;
import com.warden.app.job.JobCancelledException;
import com.warden.app.job.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a PostgreSQL program: reads its output line by line (a carriage return ends a line too, as
 * in pg_basebackup's progress), keeps the last lines of stderr for the error message, and stops
 * the program and its children when the job is cancelled.
 */
public final class ToolRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int TAIL = 40;

    private ToolRunner() { }

    /** Runs to the end. {@code stdout} may be null (output discarded); {@code stderr} may be null. */
    public static ToolResult run(ToolCommand command, Consumer<String> stdout, Consumer<String> stderr, JobContext job) {
        return run(command, null, stdout, stderr, job);
    }

    /** Like {@link #run(ToolCommand, Consumer, Consumer, JobContext)}, with {@code stdin} fed to the program. */
    public static ToolResult run(ToolCommand command, java.util.function.Supplier<InputStream> stdin, Consumer<String> stdout,
                                 Consumer<String> stderr, JobContext job) {
        job.checkCancelled();
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        if (command.workDir() != null) {
            pb.directory(command.workDir().toFile());
        }
        pb.environment().putAll(command.env());
        pb.environment().putAll(command.secretEnv());
        if (stdout == null) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        long start = System.nanoTime();
        Process process;
        try {
            process = pb.start();
            if (stdin == null) {
                process.getOutputStream().close();
            }
        } catch (IOException e) {
            throw new WardenException("Cannot start " + command.argv().get(0) + ": " + e.getMessage(),
                    "check that the program exists and may be executed", e);
        }
        LOG.info("Started {} (pid {})", command.display(), process.pid());
        job.onCancel(() -> stop(process));
        Deque<String> tail = new ArrayDeque<>();
        Thread errReader = new Thread(() -> pump(process.getErrorStream(), line -> {
            synchronized (tail) {
                tail.addLast(line);
                if (tail.size() > TAIL) {
                    tail.removeFirst();
                }
            }
            LOG.debug("{}: {}", command.argv().get(0), line);
            if (stderr != null) {
                stderr.accept(line);
            }
        }), "warden-backup-" + THREADS.incrementAndGet());
        errReader.setDaemon(true);
        errReader.start();
        if (stdin != null) {
            Thread feeder = new Thread(() -> {
                try (InputStream in = stdin.get(); java.io.OutputStream out = process.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    LOG.debug("Feeding {} stopped: {}", command.argv().get(0), e.getMessage());
                }
            }, "warden-backup-" + THREADS.incrementAndGet());
            feeder.setDaemon(true);
            feeder.start();
        }
        try {
            if (stdout != null) {
                pump(process.getInputStream(), stdout);
            }
            int code = process.waitFor();
            errReader.join(5000);
            if (job.isCancelled()) {
                throw new JobCancelledException();
            }
            List<String> lines;
            synchronized (tail) {
                lines = List.copyOf(tail);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("{} ended with code {} after {} ms", command.argv().get(0), code, elapsed.toMillis());
            return new ToolResult(code, lines, elapsed);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /** Stops the program and whatever it forked (pg_dump -j workers), forcibly after 5 s. */
    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void pump(InputStream in, Consumer<String> lines) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (c == '\n' || c == '\r') {
                        if (line.length() > 0) {
                            lines.accept(line.toString());
                            line.setLength(0);
                        }
                    } else {
                        line.append(c);
                    }
                }
            }
            if (line.length() > 0) {
                lines.accept(line.toString());
            }
        } catch (IOException e) {
            LOG.debug("Output stream closed: {}", e.getMessage());
        }
    }
}
