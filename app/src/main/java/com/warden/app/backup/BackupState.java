package com.warden.app.backup;

/** What the catalogue knows about a backup. */
public enum BackupState {
    /** verified when it was taken or since, and its files are all there */
    VERIFIED,
    /** never verified */
    UNVERIFIED,
    /** the last verification failed */
    VERIFY_FAILED,
    /** a file listed in the manifest is missing or has another size or digest */
    DAMAGED;

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
