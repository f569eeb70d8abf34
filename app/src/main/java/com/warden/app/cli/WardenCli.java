package com.warden.app.cli;

import com.warden.app.WardenException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The `warden` command. Exit codes: 0 success, 1 findings reached --fail-on, 2 usage or
 * connection errors (one clear line on stderr, never a stack trace unless WARDEN_DEBUG is set).
 */
@Command(name = "warden",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Desktop console and command line for PostgreSQL project databases.",
        subcommands = {
                DemoCommand.class,
                GuiCommand.class,
                MigrateCommand.class,
                SeedCommand.class,
                SessionsCommand.class,
                PreludeCommand.class,
                FilesCommand.class,
                DiffCommand.class,
                ImpactCommand.class,
                IntegrityCommand.class,
                CheckCommand.class,
                LatencyCommand.class,
                LoadCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
                PitrCommand.class,
                DrillCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class WardenCli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE_OR_CONNECTION = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Console.out());
        return OK;
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WardenCli());
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            if (System.getenv("WARDEN_DEBUG") != null) {
                error.printStackTrace(Console.err());
            }
            if (error instanceof WardenException w) {
                commandLine.getErr().println("warden: " + w.line());
            } else {
                commandLine.getErr().println("warden: " + error.getClass().getSimpleName() + ": " + error.getMessage()
                        + " (set WARDEN_DEBUG=1 for details)");
            }
            return USAGE_OR_CONNECTION;
        });
        cli.setExitCodeExceptionMapper(e -> USAGE_OR_CONNECTION);
        return cli;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }
}
