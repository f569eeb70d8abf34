package com.warden.app.integrity;

/** Unwinds a worker when the scan was cancelled or another worker lost its connection. */
final class ScanStopped extends RuntimeException {
    ScanStopped() {
        super("scan stopped", null, false, false);
    }
}
