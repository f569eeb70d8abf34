package com.warden.app.integrity;

/** How a run ended. */
public enum ScanStatus {
    /** Every chosen check ran to the end and its findings were re-checked. */
    COMPLETE,
    /** The scan finished but some check could not run (privileges, a lock, a timeout): see the notes. */
    PARTIAL,
    /** Stopped by the user; the server work was cancelled. */
    CANCELLED,
    /** The connection was lost: the report says where it stopped. */
    INTERRUPTED;

    public boolean finished() {
        return this == COMPLETE || this == PARTIAL;
    }
}
