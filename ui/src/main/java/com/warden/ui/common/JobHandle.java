package com.warden.ui.common;

/** A submitted job, seen from the side that may want to stop it. */
@FunctionalInterface
public interface JobHandle {
    /** Asks the job to stop: interrupts its thread and runs its cancel actions (Statement.cancel…). */
    void cancel();

    JobHandle NONE = () -> { };
}
