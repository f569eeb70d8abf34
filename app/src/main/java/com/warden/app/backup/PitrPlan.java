package com.warden.app.backup;

import java.util.List;

/** A checked recovery before it runs: the window it fits in and the settings the scratch instance gets. */
public record PitrPlan(PitrRequest request, RecoveryWindow window, List<String> settings, boolean archiveRecovery) {
    public PitrPlan {
        settings = List.copyOf(settings);
    }
}
