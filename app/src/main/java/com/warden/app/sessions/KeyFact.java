package com.warden.app.sessions;

/** One key fact of a session's memory: the jsonb key, its prelude label and its value as text. */
public record KeyFact(String key, String label, String value) {
}
