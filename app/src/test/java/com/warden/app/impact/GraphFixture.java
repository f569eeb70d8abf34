package com.warden.app.impact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Writes an arbitrary graph as one app: file i is "src/f{i}.tsx", each edge a reference. */
final class GraphFixture {
    private static final AtomicInteger APPS = new AtomicInteger();

    record Edge(int src, int dest, RefType type) { }

    record Loaded(UUID appId, String appName, List<UUID> files) {
        String path(int i) {
            return GraphFixture.path(i);
        }
    }

    private GraphFixture() { }

    static String path(int i) {
        return "src/f" + i + ".tsx";
    }

    static Loaded load(DataSource ds, int files, List<Edge> edges) {
        String name = "graph-" + APPS.incrementAndGet();
        UUID user = UUID.randomUUID();
        UUID app = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO core.users (id, email, display_name) VALUES (?, ?, 'fixture')")) {
                ps.setObject(1, user);
                ps.setString(2, name + "@fixture.invalid");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO core.apps (id, owner_id, name) VALUES (?, ?, ?)")) {
                ps.setObject(1, app);
                ps.setObject(2, user);
                ps.setString(3, name);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO core.files (id, app_id, path) VALUES (?, ?, ?)")) {
                for (int i = 0; i < files; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    ps.setObject(1, id);
                    ps.setObject(2, app);
                    ps.setString(3, path(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO core.file_references (app_id, src_file_id, dest_file_id, ref_type) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Edge e : edges) {
                    ps.setObject(1, app);
                    ps.setObject(2, ids.get(e.src()));
                    ps.setObject(3, ids.get(e.dest()));
                    ps.setString(4, e.type().sqlName());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Loaded(app, name, ids);
    }
}
