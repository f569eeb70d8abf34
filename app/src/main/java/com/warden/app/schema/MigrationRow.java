package com.warden.app.schema;

import java.time.Instant;

/** One line of the migration history: applied or pending. */
public record MigrationRow(String version, String description, String state, Instant installedOn, Integer executionMillis) { }
