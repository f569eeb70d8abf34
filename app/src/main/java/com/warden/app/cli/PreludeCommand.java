package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until issue 3 builds it: says so instead of pretending. */
@Command(name = "prelude", mixinStandardHelpOptions = true, description = "Print a session's memory prelude with its token count. (not built yet)")
final class PreludeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new WardenException("'prelude' is not built yet.", "it arrives with issue 3");
    }
}
