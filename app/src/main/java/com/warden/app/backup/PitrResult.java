package com.warden.app.backup;

import com.warden.app.connect.ConnectionProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A finished recovery. The scratch instance is still running: connect to it, then
 * {@link ScratchInstance#close()} it, or {@link ScratchInstance#keep()} it and tell the user
 * {@link ScratchInstance#stopCommand()}.
 */
public record PitrResult(ScratchInstance instance, String database, RecoveryTarget target, RecoveryWindow window,
                         Instant recoveredToTime, String recoveredToLsn, VerificationReport verification, List<Step> steps,
                         Duration elapsed) {

    public ConnectionProfile profile() {
        return instance.profile(database);
    }

    public String url() {
        return instance.url(database);
    }
}
