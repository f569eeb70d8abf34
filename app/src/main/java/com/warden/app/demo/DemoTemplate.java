package com.warden.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One app template from resources/warden/demo/templates: its files over versions and the
 * sessions that wrote them. File versions are the vN folders that contain the path.
 */
record DemoTemplate(
        String slug,
        String app,
        String description,
        Map<String, List<byte[]>> files,
        List<SessionScript> sessions,
        List<String> titleVariants,
        List<String> userLines,
        List<String> assistantLines) {

    record SessionScript(String title, String status, List<ScriptedMessage> messages, JsonNode memory,
                         List<Pin> pinned, List<JsonNode> decisions, List<ImageJobScript> imageJobs) { }

    record ScriptedMessage(String role, String model, String content, List<String> writes) { }

    record Pin(String path, String reason, String pinnedBy) { }

    record ImageJobScript(String prompt, String status) { }

    int versionCount() {
        return files.values().stream().mapToInt(List::size).sum();
    }
}
