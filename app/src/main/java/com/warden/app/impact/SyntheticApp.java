package com.warden.app.impact;

import com.warden.app.WardenException;
import com.warden.app.job.JobContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Builds one large app for the benchmark and the big-graph tests: N files in modules of 40, and
 * exactly R references, deterministic for a seed. Imports mostly stay inside a module (earlier
 * files), a quarter go to shared low-numbered files, and a few go anywhere or forward, so the
 * graph has hubs, long chains and circles like a real code base. Loaded with COPY in one
 * transaction, then VACUUM ANALYZE so that plans and index-only scans are the steady-state ones.
 */
public final class SyntheticApp {
    public static final String OWNER_EMAIL = "bench@warden.invalid";
    private static final int MODULE = 40;

    private SyntheticApp() { }

    /**
     * The app named {@code name} with exactly these counts, created when missing (or rebuilt when
     * its counts differ). Needs a writable data source.
     */
    public static AppInfo ensure(DataSource writable, String name, int files, int references, long seed, JobContext job) {
        if (files < 2 || references < 0 || references > (long) files * (files - 1) / 4) {
            throw new WardenException("A synthetic app needs at least 2 files and at most files²/4 references.", null);
        }
        try (Connection c = writable.getConnection()) {
            AppInfo existing = find(c, name);
            if (existing != null && existing.files() == files && existing.references() == references) {
                job.progress(1, 1, "Reusing app '" + name + "' (" + files + " files, " + references + " references)");
                return existing;
            }
            c.setAutoCommit(false);
            try {
                if (existing != null) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM core.apps WHERE id = ?")) {
                        ps.setObject(1, existing.id());
                        ps.executeUpdate();
                    }
                }
                AppInfo created = load(c, name, files, references, seed, job);
                c.commit();
                c.setAutoCommit(true);
                job.progress(files + references, files + references, "Vacuuming and analysing the references");
                try (Statement st = c.createStatement()) {
                    st.execute("VACUUM (ANALYZE) core.files");
                    st.execute("VACUUM (ANALYZE) core.file_references");
                }
                return created;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WardenException("Could not build the synthetic app: " + e.getMessage().lines().findFirst().orElse(""),
                    "it needs a writable connection to a migrated project database", e);
        }
    }

    private static AppInfo find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.id, a.name, u.email,
                       (SELECT count(*) FROM core.files f WHERE f.app_id = a.id),
                       (SELECT count(*) FROM core.file_references r WHERE r.app_id = a.id)
                  FROM core.apps a JOIN core.users u ON u.id = a.owner_id
                 WHERE u.email = ? AND a.name = ?""")) {
            ps.setString(1, OWNER_EMAIL);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new AppInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)) : null;
            }
        }
    }

    /** The paths and references of the graph, without a database: the tests use it too. */
    public record Shape(List<String> paths, int[] src, int[] dest, String[] types) { }

    public static Shape shape(int files, int references, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> paths = new ArrayList<>(files);
        boolean[] code = new boolean[files];
        for (int i = 0; i < files; i++) {
            int roll = random.nextInt(100);
            String module = "src/modules/m" + (i / MODULE);
            String path;
            if (i % MODULE == 0 || roll < 75) {
                code[i] = true;
                path = module + "/" + (roll % 3 == 0 ? "use" : "Part") + i + (roll % 3 == 0 ? ".ts" : ".tsx");
            } else if (roll < 90) {
                path = module + "/styles/s" + i + ".css";
            } else {
                path = module + "/assets/a" + i + ".svg";
            }
            paths.add(path);
        }
        int[] src = new int[references];
        int[] dest = new int[references];
        String[] types = new String[references];
        Set<Long> taken = new HashSet<>(references * 2);
        int made = 0;
        long guard = 0;
        while (made < references) {
            if (++guard > references * 50L) {
                throw new IllegalStateException("could not place " + references + " references");
            }
            int s = random.nextInt(files);
            if (!code[s]) {
                continue;
            }
            int moduleStart = s - s % MODULE;
            int roll = random.nextInt(100);
            int d;
            if (roll < 65 && s > moduleStart) {
                d = moduleStart + random.nextInt(s - moduleStart);
            } else if (roll < 90) {
                double u = random.nextDouble();
                d = (int) (s * u * u * u);
            } else if (roll < 97) {
                d = random.nextInt(files);
            } else {
                int moduleEnd = Math.min(files, moduleStart + MODULE);
                d = s + 1 < moduleEnd ? s + 1 + random.nextInt(moduleEnd - s - 1) : random.nextInt(files);
            }
            if (d == s || !taken.add((long) s * files + d)) {
                continue;
            }
            String type = paths.get(d).endsWith(".css") ? "style" : paths.get(d).endsWith(".svg") ? "asset"
                    : random.nextInt(20) == 0 ? "dynamic-import" : "import";
            src[made] = s;
            dest[made] = d;
            types[made] = type;
            made++;
        }
        return new Shape(paths, src, dest, types);
    }

    private static AppInfo load(Connection c, String name, int files, int references, long seed, JobContext job) throws SQLException {
        Shape shape = shape(files, references, seed);
        SplittableRandom ids = new SplittableRandom(seed ^ 0x5DEECE66DL);
        UUID owner;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO core.users (email, display_name) VALUES (?, 'Warden benchmark')
                ON CONFLICT (email) DO UPDATE SET display_name = excluded.display_name
                RETURNING id""")) {
            ps.setString(1, OWNER_EMAIL);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                owner = rs.getObject(1, UUID.class);
            }
        }
        UUID appId = uuid(ids);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO core.apps (id, owner_id, name, description) VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, appId);
            ps.setObject(2, owner);
            ps.setString(3, name);
            ps.setString(4, String.format("Synthetic app: %,d files, %,d references (seed %d)", files, references, seed));
            ps.executeUpdate();
        }
        UUID[] fileIds = new UUID[files];
        PGConnection pg = c.unwrap(PGConnection.class);
        CopyIn copy = pg.getCopyAPI().copyIn("COPY core.files (id, app_id, path, is_binary, mime_type, size_bytes) FROM STDIN (FORMAT text)");
        StringBuilder b = new StringBuilder(1 << 20);
        for (int i = 0; i < files; i++) {
            fileIds[i] = uuid(ids);
            String path = shape.paths().get(i);
            boolean svg = path.endsWith(".svg");
            String mime = path.endsWith(".css") ? "text/css" : svg ? "image/svg+xml" : "text/typescript";
            b.append(fileIds[i]).append('\t').append(appId).append('\t').append(path).append('\t')
                    .append(svg ? 't' : 'f').append('\t').append(mime).append('\t').append(200 + i % 4000).append('\n');
            if (b.length() > (1 << 20) - 512) {
                flush(copy, b);
                job.progress(i, files + references, "Writing files");
            }
        }
        flush(copy, b);
        copy.endCopy();
        copy = pg.getCopyAPI().copyIn("COPY core.file_references (id, app_id, src_file_id, dest_file_id, ref_type) FROM STDIN (FORMAT text)");
        for (int e = 0; e < references; e++) {
            b.append(uuid(ids)).append('\t').append(appId).append('\t').append(fileIds[shape.src()[e]]).append('\t')
                    .append(fileIds[shape.dest()[e]]).append('\t').append(shape.types()[e]).append('\n');
            if (b.length() > (1 << 20) - 512) {
                flush(copy, b);
                job.progress(files + e, files + references, "Writing references");
            }
        }
        flush(copy, b);
        copy.endCopy();
        return new AppInfo(appId, name, OWNER_EMAIL, files, references);
    }

    private static void flush(CopyIn copy, StringBuilder b) throws SQLException {
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        b.setLength(0);
    }

    private static UUID uuid(SplittableRandom r) {
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(hi, lo);
    }
}
