package com.warden.ui.common;

import com.warden.app.job.Job;
import com.warden.app.job.JobContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * {@link BackgroundJobs} for toolkit-free view-model tests: runs each job at once on the caller's
 * thread and calls its handler before returning, so a test reads the outcome on the next line.
 */
public final class DirectJobs implements BackgroundJobs {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final List<String> titles = new ArrayList<>();

    @Override
    public <T> JobHandle run(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        titles.add(title);
        T value;
        try {
            value = job.run(JobContext.none());
        } catch (Throwable e) {
            onFailure.accept(e);
            return JobHandle.NONE;
        }
        try {
            onSuccess.accept(value);
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
        return JobHandle.NONE;
    }

    /** The titles of the jobs run so far, in order. */
    public List<String> titles() {
        return titles;
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public void shutdown() { }
}
