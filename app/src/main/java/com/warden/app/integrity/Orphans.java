package com.warden.app.integrity;

import com.warden.app.report.Finding;
import com.warden.app.report.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Group 3: rows that point nowhere or into another app. The schema's foreign keys forbid most of
 * these, so they appear where constraints were dropped, disabled or added NOT VALID, or where
 * the app ids of two rows disagree in a way no key covers (a working-set row of one app's
 * session naming another app's file).
 */
final class Orphans implements Check {

    /** One kind of stray row: its query and how a row becomes a finding. */
    private record Probe(String name, String table, String sql, String appSql, int appParams, Mapper mapper, boolean needsWholeDb) { }

    @FunctionalInterface
    private interface Mapper {
        Finding map(ResultSet rs) throws SQLException;
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("references", "core.file_references", """
                    SELECT r.id, r.app_id, r.src_file_id, r.dest_file_id, s.id IS NULL, d.id IS NULL,
                           s.app_id, d.app_id, s.path, d.path
                      FROM core.file_references r
                      LEFT JOIN core.files s ON s.id = r.src_file_id
                      LEFT JOIN core.files d ON d.id = r.dest_file_id
                     WHERE (s.id IS NULL OR d.id IS NULL OR s.app_id <> r.app_id OR d.app_id <> r.app_id)""",
                    " AND (r.app_id = ? OR s.app_id = ? OR d.app_id = ?)", 3, Orphans::reference, false),
            new Probe("working set", "core.working_set", """
                    SELECT ws.session_id, ws.file_id, ws.app_id, s.id IS NULL, f.id IS NULL, s.app_id, f.app_id, f.path
                      FROM core.working_set ws
                      LEFT JOIN core.sessions s ON s.id = ws.session_id
                      LEFT JOIN core.files f ON f.id = ws.file_id
                     WHERE (s.id IS NULL OR f.id IS NULL OR f.app_id <> ws.app_id OR s.app_id <> ws.app_id)""",
                    " AND (ws.app_id = ? OR s.app_id = ? OR f.app_id = ?)", 3, Orphans::workingSet, false),
            new Probe("versions", "core.file_versions", """
                    SELECT v.id, v.file_id, v.version
                      FROM core.file_versions v
                     WHERE NOT EXISTS (SELECT 1 FROM core.files f WHERE f.id = v.file_id)""",
                    null, 0, Orphans::version, true),
            new Probe("image jobs", "core.image_jobs", """
                    SELECT j.id, j.status, j.completed_at
                      FROM core.image_jobs j
                     WHERE j.status = 'done' AND NOT EXISTS (SELECT 1 FROM core.image_assets a WHERE a.job_id = j.id)""",
                    " AND j.session_id IN (SELECT s.id FROM core.sessions s WHERE s.app_id = ?)", 1, Orphans::job, false),
            new Probe("image assets", "core.image_assets", """
                    SELECT a.id, a.job_id, j.id IS NULL, j.status
                      FROM core.image_assets a
                      LEFT JOIN core.image_jobs j ON j.id = a.job_id
                     WHERE (j.id IS NULL OR j.status <> 'done')""",
                    " AND j.session_id IN (SELECT s.id FROM core.sessions s WHERE s.app_id = ?)", 1, Orphans::asset, false));

    @Override
    public CheckGroup group() {
        return CheckGroup.ORPHANS;
    }

    @Override
    public List<ScanTask> plan(Connection c, ScanContext ctx) {
        List<ScanTask> tasks = new ArrayList<>();
        for (Probe p : PROBES) {
            if (p.needsWholeDb() && ctx.app != null) {
                ctx.note("Versions of missing files belong to no app: they are looked for only without --app.");
                continue;
            }
            if (p.table().equals("core.image_assets") && ctx.app != null) {
                ctx.note("Image assets whose job is missing belong to no app: they are looked for only without --app.");
            }
            tasks.add(ScanTask.of(CheckGroup.ORPHANS, "", "stray rows of " + p.table(), ctx.weight(0.03),
                    (conn, x) -> run(conn, x, p, null).forEach(x::report)));
        }
        return tasks;
    }

    private static List<Finding> run(Connection c, ScanContext ctx, Probe p, List<String> rowIds) throws SQLException {
        StringBuilder sql = new StringBuilder(p.sql());
        if (rowIds != null) {
            sql.append(p.table().equals("core.working_set")
                    ? " AND (ws.session_id::text || '/' || ws.file_id::text) = ANY(?)"
                    : " AND " + alias(p) + ".id = ANY(?)");
        } else if (ctx.app != null && p.appSql() != null) {
            sql.append(p.appSql());
        }
        List<Finding> out = new ArrayList<>();
        PreparedStatement ps = ctx.prepare(c, sql.toString());
        try {
            if (rowIds != null) {
                if (p.table().equals("core.working_set")) {
                    ps.setArray(1, c.createArrayOf("text", rowIds.toArray()));
                } else {
                    ps.setArray(1, c.createArrayOf("uuid", rowIds.stream().map(UUID::fromString).toArray()));
                }
            } else if (ctx.app != null && p.appSql() != null) {
                for (int i = 1; i <= p.appParams(); i++) {
                    ps.setObject(i, ctx.app.id());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(p.mapper().map(rs));
                }
            }
        } finally {
            ctx.release(ps);
        }
        return out;
    }

    private static String alias(Probe p) {
        return switch (p.table()) {
            case "core.file_references" -> "r";
            case "core.file_versions" -> "v";
            case "core.image_jobs" -> "j";
            default -> "a";
        };
    }

    private static Finding reference(ResultSet rs) throws SQLException {
        String id = rs.getObject(1, UUID.class).toString();
        UUID app = rs.getObject(2, UUID.class);
        UUID src = rs.getObject(3, UUID.class);
        UUID dest = rs.getObject(4, UUID.class);
        boolean srcMissing = rs.getBoolean(5);
        boolean destMissing = rs.getBoolean(6);
        UUID srcApp = rs.getObject(7, UUID.class);
        UUID destApp = rs.getObject(8, UUID.class);
        String srcPath = rs.getString(9);
        String destPath = rs.getString(10);
        if (srcMissing || destMissing) {
            String which = srcMissing && destMissing ? "both files" : srcMissing ? "its source file" : "its target file";
            return new Finding(CheckGroup.ORPHANS.id(), "reference-missing-file", Severity.ERROR, "core.file_references", id,
                    null, srcPath, srcMissing ? null : src.toString(), "reference to a missing file (" + which + ")",
                    "files " + src + " → " + dest, (srcMissing ? "no file " + src : srcPath) + " → "
                    + (destMissing ? "no file " + dest : destPath),
                    "impact analysis follows this edge into nothing; delete the reference", List.of());
        }
        boolean srcOther = !app.equals(srcApp);
        String found = srcOther ? "source " + srcPath + " belongs to app " + srcApp
                : "target " + destPath + " belongs to app " + destApp;
        return new Finding(CheckGroup.ORPHANS.id(), "reference-cross-app", Severity.ERROR, "core.file_references", id,
                null, srcPath, src.toString(), "reference crosses into another app: " + srcPath + " → " + destPath,
                "both files in app " + app, found,
                "an app's impact graph must stay inside the app; the composite foreign keys were bypassed", List.of());
    }

    private static Finding workingSet(ResultSet rs) throws SQLException {
        UUID session = rs.getObject(1, UUID.class);
        UUID file = rs.getObject(2, UUID.class);
        UUID app = rs.getObject(3, UUID.class);
        boolean sessionMissing = rs.getBoolean(4);
        boolean fileMissing = rs.getBoolean(5);
        UUID sessionApp = rs.getObject(6, UUID.class);
        UUID fileApp = rs.getObject(7, UUID.class);
        String path = rs.getString(8);
        String rowId = session + "/" + file;
        if (sessionMissing || fileMissing) {
            return new Finding(CheckGroup.ORPHANS.id(), "working-set-missing", Severity.ERROR, "core.working_set", rowId,
                    null, path, fileMissing ? null : file.toString(),
                    "working-set row points at a missing " + (sessionMissing ? "session" : "file"),
                    "session " + session + " and file " + file, sessionMissing ? "no session " + session : "no file " + file,
                    "the prelude of this session would name a file that is not there", List.of());
        }
        String found = !app.equals(fileApp) ? "file belongs to app " + fileApp : "session belongs to app " + sessionApp;
        return new Finding(CheckGroup.ORPHANS.id(), "working-set-cross-app", Severity.ERROR, "core.working_set", rowId,
                null, path, file.toString(), "working-set row points at another app's file",
                "session, file and row all in app " + app, found,
                "the agent's context would include a file from another app (and another owner)", List.of());
    }

    private static Finding version(ResultSet rs) throws SQLException {
        return new Finding(CheckGroup.ORPHANS.id(), "version-missing-file", Severity.ERROR, "core.file_versions",
                rs.getObject(1, UUID.class).toString(), null, null, null,
                "version " + rs.getInt(3) + " of a file that does not exist", "file " + rs.getObject(2, UUID.class),
                "no such file", "the history outlived its file: the foreign key to core.files was dropped or not valid",
                List.of());
    }

    private static Finding job(ResultSet rs) throws SQLException {
        return new Finding(CheckGroup.ORPHANS.id(), "image-job-without-asset", Severity.ERROR, "core.image_jobs",
                rs.getObject(1, UUID.class).toString(), null, null, null, "image job is marked done but has no asset",
                "an asset row for the job", "none", "the user was told the image is ready; re-run the job or mark it failed",
                List.of());
    }

    private static Finding asset(ResultSet rs) throws SQLException {
        boolean jobMissing = rs.getBoolean(3);
        String status = rs.getString(4);
        UUID job = rs.getObject(2, UUID.class);
        if (jobMissing) {
            return new Finding(CheckGroup.ORPHANS.id(), "image-asset-without-job", Severity.ERROR, "core.image_assets",
                    rs.getObject(1, UUID.class).toString(), null, null, null, "image asset belongs to no job",
                    "job " + job, "no such job", "nothing leads to this image any more; the foreign key was bypassed",
                    List.of());
        }
        return new Finding(CheckGroup.ORPHANS.id(), "image-asset-job-not-done", Severity.WARNING, "core.image_assets",
                rs.getObject(1, UUID.class).toString(), null, null, null, "image asset of a job marked " + status,
                "job status done", "job status " + status, "the job's status was not updated when its image arrived",
                List.of());
    }

    @Override
    public List<Finding> recheck(Connection c, ScanContext ctx, List<Finding> findings) throws SQLException {
        Map<String, List<String>> byTable = new TreeMap<>();
        for (Finding f : findings) {
            String table = switch (f.code()) {
                case "image-job-without-asset" -> "core.image_jobs";
                case "version-missing-file" -> "core.file_versions";
                default -> f.table();
            };
            byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(f.rowId());
        }
        List<Finding> now = new ArrayList<>();
        for (Probe p : PROBES) {
            List<String> ids = byTable.get(p.table());
            if (ids != null) {
                for (List<String> part : VersionDigests.partition(ids)) {
                    now.addAll(run(c, ctx, p, part));
                }
            }
        }
        return now;
    }
}
