package com.warden.app.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows generated for a batch of apps, per table, in load order (parents before children). */
final class TableRows {
    /** table -> COPY column list, in the order the tables must be loaded. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("core.users", "id, email, display_name, created_at");
        COLUMNS.put("core.apps", "id, owner_id, name, description, created_at, updated_at");
        COLUMNS.put("core.app_collaborators", "app_id, user_id, role, added_at");
        COLUMNS.put("core.sessions", "id, user_id, app_id, title, status, created_at, updated_at, last_activity_at");
        COLUMNS.put("core.messages", "id, session_id, role, content, model, token_count, created_at");
        COLUMNS.put("core.session_memory", "session_id, rolling_summary, key_facts, constraints, updated_at");
        COLUMNS.put("core.events", "id, session_id, kind, payload, created_at");
        COLUMNS.put("core.files", "id, app_id, path, is_binary, mime_type, size_bytes, sha256, head_version_id, created_at, updated_at");
        COLUMNS.put("core.file_versions", "id, file_id, version, content, content_bytes, sha256, size_bytes, created_by, created_at");
        COLUMNS.put("core.file_references", "id, app_id, src_file_id, dest_file_id, ref_type, created_at");
        COLUMNS.put("core.working_set", "session_id, app_id, file_id, reason, pinned_by, created_at");
        COLUMNS.put("core.image_jobs", "id, session_id, prompt, status, error, created_at, completed_at");
        COLUMNS.put("core.image_assets", "id, job_id, sha256, size_bytes, format, width, height, bytes, created_at");
    }

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    TableRows() {
        COLUMNS.keySet().forEach(t -> rows.put(t, new ArrayList<>()));
    }

    void add(String table, Object... values) {
        List<Object[]> list = rows.get(table);
        if (list == null) {
            throw new IllegalArgumentException(table);
        }
        list.add(values);
    }

    List<Object[]> of(String table) {
        return rows.get(table);
    }

    void addAll(TableRows other) {
        other.rows.forEach((table, list) -> rows.get(table).addAll(list));
    }
}
