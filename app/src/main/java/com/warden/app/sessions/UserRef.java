package com.warden.app.sessions;

import java.util.UUID;

/** A user to filter by or to view as. */
public record UserRef(UUID id, String email, String displayName) {
    public String label() {
        return displayName == null || displayName.isBlank() ? email : displayName + " <" + email + ">";
    }
}
