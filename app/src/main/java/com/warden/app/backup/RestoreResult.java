package com.warden.app.backup;

import com.warden.app.connect.ConnectionProfile;
import java.time.Duration;
import java.util.List;

/**
 * A finished restore: where it went, what the verification found, and the steps with their times.
 * {@code scratch} is the scratch instance when it was kept (else null: it was removed).
 */
public record RestoreResult(RestoreTarget target, String database, ConnectionProfile profile, ScratchInstance scratch,
                            VerificationReport verification, List<Step> steps, Duration elapsed, String command) {
    public RestoreResult {
        steps = List.copyOf(steps);
    }

    public boolean verified() {
        return verification == null || verification.verdict() != VerificationReport.Verdict.FAIL;
    }
}
