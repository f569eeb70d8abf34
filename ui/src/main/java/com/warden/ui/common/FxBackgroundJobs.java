package com.warden.ui.common;

import com.warden.app.job.Job;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackgroundJobs} on a small pool of named daemon threads (warden-db-1, warden-db-2):
 * each job becomes a {@link JobTask}; its handlers run on the FX thread. Submit from the FX thread.
 */
public final class FxBackgroundJobs implements BackgroundJobs {
    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundJobs.class);

    private final ExecutorService workers;
    private final ExecutorService cancellers;
    private final ObservableList<JobTask<?>> running = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public FxBackgroundJobs(String threadPrefix, int threads) {
        this.workers = Executors.newFixedThreadPool(threads, new NamedThreadFactory(threadPrefix));
        this.cancellers = Executors.newSingleThreadExecutor(new NamedThreadFactory(threadPrefix + "-cancel"));
        busy.bind(Bindings.isNotEmpty(running));
    }

    @Override
    public <T> JobHandle run(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Submit background jobs from the FX thread (was " + Thread.currentThread().getName() + ")");
        }
        JobTask<T> task = new JobTask<>(title, job, cancellers);
        task.setOnSucceeded(e -> {
            finished(task);
            try {
                onSuccess.accept(task.getValue());
            } catch (RuntimeException handlerError) {
                LOG.error("The success handler of '{}' failed", title, handlerError);
                onFailure.accept(handlerError);
            }
        });
        task.setOnFailed(e -> {
            finished(task);
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> finished(task));
        task.messageProperty().addListener((obs, old, now) -> showLatest());
        running.add(task);
        showLatest();
        workers.execute(task);
        return () -> task.cancel(true);
    }

    private void finished(JobTask<?> task) {
        running.remove(task);
        showLatest();
    }

    private void showLatest() {
        message.set(running.isEmpty() ? "" : running.get(running.size() - 1).getMessage());
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
    public void shutdown() {
        workers.shutdownNow();
        cancellers.shutdownNow();
    }
}
