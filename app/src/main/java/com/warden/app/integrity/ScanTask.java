package com.warden.app.integrity;

import java.sql.Connection;
import java.sql.SQLException;

/** One statement's worth of work that any worker connection can run inside the shared snapshot. */
interface ScanTask {
    CheckGroup group();

    /** "server", "client", or "" for checks that only read metadata. */
    String mode();

    /** Where in the data, for progress and for "stopped at". */
    String label();

    /** Progress units (roughly bytes of work). */
    double weight();

    long estimatedRows();

    void run(Connection c, ScanContext ctx) throws SQLException;

    /** A task from a label and a body. */
    static ScanTask of(CheckGroup group, String mode, String label, double weight, Body body) {
        return new ScanTask() {
            @Override public CheckGroup group() { return group; }
            @Override public String mode() { return mode; }
            @Override public String label() { return label; }
            @Override public double weight() { return weight; }
            @Override public long estimatedRows() { return 0; }
            @Override public void run(Connection c, ScanContext ctx) throws SQLException { body.run(c, ctx); }
            @Override public String toString() { return label; }
        };
    }

    @FunctionalInterface
    interface Body {
        void run(Connection c, ScanContext ctx) throws SQLException;
    }
}
