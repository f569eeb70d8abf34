package com.warden.app.connect;

/** Inspection never writes; writing actions ask for a read-write connection explicitly. */
public enum Access {
    READ_ONLY, READ_WRITE
}
