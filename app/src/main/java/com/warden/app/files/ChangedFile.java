package com.warden.app.files;

import java.util.UUID;

/**
 * A file that got new versions while a session ran: the version before the session (null when
 * the file was created in it), the last version written in the time range, how many versions
 * the range holds, and whether the session's own file_written events name the file (versions
 * in the range may also come from another session working on the same app at the same time).
 */
public record ChangedFile(UUID fileId, String path, boolean binary, Integer fromVersion, int toVersion,
                          int versionsInRange, boolean recordedBySession) {

    public boolean created() {
        return fromVersion == null;
    }
}
