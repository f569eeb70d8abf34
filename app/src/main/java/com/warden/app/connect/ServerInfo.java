package com.warden.app.connect;

import java.time.OffsetDateTime;

/** What the server says about itself and about the role Warden is connected as. */
public record ServerInfo(
        String version,
        int versionNumber,
        String currentUser,
        String database,
        boolean superuser,
        boolean bypassRls,
        OffsetDateTime startedAt) {

    public int majorVersion() {
        return versionNumber / 10000;
    }

    /** RLS does not bind superusers or BYPASSRLS roles (nor table owners: see the sessions browser). */
    public boolean ignoresRowLevelSecurity() {
        return superuser || bypassRls;
    }
}
