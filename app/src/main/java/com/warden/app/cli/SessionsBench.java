package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 3 builds it: says so instead of pretending. */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "Session browser queries against a bare JDBC baseline. (not built yet)")
final class SessionsBench implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'sessions' is not built yet.", "it arrives with issue 3");
    }
}
