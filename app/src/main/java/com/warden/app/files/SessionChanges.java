package com.warden.app.files;

import java.util.List;
import java.util.UUID;

/** What a session changed: every file with a version written between its first and last message. */
public record SessionChanges(SessionSpan session, UUID appId, String appName, List<ChangedFile> files) { }
