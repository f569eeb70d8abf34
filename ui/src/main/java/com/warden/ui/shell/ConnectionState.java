package com.warden.ui.shell;

/** Where the shell's one connection stands. */
public enum ConnectionState {
    /** Nothing chosen yet (./warden gui without --url), or the user disconnected. */
    DISCONNECTED,
    /** Opening the pool and detecting the schema, off the FX thread. */
    CONNECTING,
    /** A pool is open and the project status is known. */
    CONNECTED,
    /** The last attempt failed; the error line says why, F5 tries again. */
    FAILED
}
