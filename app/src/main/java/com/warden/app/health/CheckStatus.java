package com.warden.app.health;

/** The verdict of one check. Only OK, WARNING and CRITICAL count towards the score. */
public enum CheckStatus {
    OK, WARNING, CRITICAL,
    /** A figure worth seeing, with nothing to judge (or too little data to judge it). */
    INFO,
    /** Not applicable here: no replicas, not a project database. */
    SKIPPED,
    /** The check could not run; its message says why. */
    ERROR;

    public boolean scored() {
        return this == OK || this == WARNING || this == CRITICAL;
    }

    /** 1 for OK, 0.5 for WARNING, 0 for CRITICAL. */
    public double points() {
        return switch (this) {
            case OK -> 1.0;
            case WARNING -> 0.5;
            default -> 0.0;
        };
    }

    public CheckStatus worse(CheckStatus other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case SKIPPED -> 0;
            case INFO -> 1;
            case OK -> 2;
            case ERROR -> 3;
            case WARNING -> 4;
            case CRITICAL -> 5;
        };
    }
}
