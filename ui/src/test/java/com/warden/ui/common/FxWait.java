package com.warden.ui.common;

import java.util.concurrent.Callable;
import org.testfx.util.WaitForAsyncUtils;

/** Reads scene state on the FX thread, and waits (without timing anything) until it holds. */
public final class FxWait {

    private FxWait() { }

    public static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(Await.LIMIT.toMillis(), read);
    }

    public static void until(String what, Callable<Boolean> condition) {
        Await.until(what, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
