package com.warden.ui.common;

import static com.warden.ui.common.FxWait.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.warden.app.WardenException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The Task adapter on a real (headless) toolkit. */
class FxBackgroundJobsTest {
    private final FxBackgroundJobs jobs = new FxBackgroundJobs("warden-test-db", 2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    @Test
    void runsOnANamedThreadAndAnswersOnTheFxThread() {
        AtomicReference<String> worker = new AtomicReference<>();
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Boolean> handlerOnFx = new AtomicReference<>();
        onFx(() -> jobs.run("Reading…", context -> {
            worker.set(Thread.currentThread().getName());
            return "done";
        }, value -> {
            handlerOnFx.set(Platform.isFxApplicationThread());
            result.set(value);
        }, problem -> { }));

        Await.until("the result", () -> result.get() != null);
        assertThat(result.get()).isEqualTo("done");
        assertThat(worker.get()).matches("warden-test-db-\\d+");
        assertThat(handlerOnFx.get()).isTrue();
        FxWait.until("idle", () -> !jobs.busyProperty().get());
    }

    @Test
    void aFailureReachesTheErrorHandlerWithItsOneLine() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        onFx(() -> jobs.run("Failing…", context -> {
            throw new WardenException("The server went away.", "try again");
        }, value -> { }, failure::set));

        Await.until("the failure", () -> failure.get() != null);
        assertThat(ErrorReport.of(failure.get()).line()).isEqualTo("The server went away. — try again");
    }

    @Test
    void cancelRunsTheJobsCancelActionsAndShowsBusyWhileRunning() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelAction = new CountDownLatch(1);
        CountDownLatch neverReleased = new CountDownLatch(1);
        JobHandle handle = onFx(() -> jobs.run("Waiting…", context -> {
            context.onCancel(cancelAction::countDown); // what Statement.cancel() would be
            started.countDown();
            neverReleased.await(1, TimeUnit.MINUTES);
            return null;
        }, value -> { }, problem -> { }));

        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(onFx(() -> jobs.busyProperty().get())).isTrue();
        assertThat(onFx(() -> jobs.messageProperty().get())).isEqualTo("Waiting…");

        onFx(() -> {
            handle.cancel();
            return null;
        });
        assertThat(cancelAction.await(1, TimeUnit.MINUTES)).isTrue();
        FxWait.until("idle", () -> !jobs.busyProperty().get());
    }
}
