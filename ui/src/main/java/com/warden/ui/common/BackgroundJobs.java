package com.warden.ui.common;

import com.warden.app.job.Job;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Where view-models send every database call and every other slow piece of work, so the FX thread
 * never waits on it. Each job ends in exactly one of its two handlers, both called on the FX thread
 * (or, in toolkit-free tests, on the caller's thread).
 */
public interface BackgroundJobs {

    /**
     * Runs {@code job} off the FX thread. {@code title} is what the status bar says while it runs
     * ("Connecting to localhost:5432/demo…").
     */
    <T> JobHandle run(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** True while at least one job runs. */
    ReadOnlyBooleanProperty busyProperty();

    /** The title or latest progress message of a running job; empty when idle. */
    ReadOnlyStringProperty messageProperty();

    /** Cancels what runs and stops the threads. */
    void shutdown();
}
