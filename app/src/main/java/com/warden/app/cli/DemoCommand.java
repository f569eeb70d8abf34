package com.warden.app.cli;

import com.warden.app.WardenException;
import com.warden.app.config.AppDirs;
import com.warden.app.demo.DemoEnvironment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the embedded PostgreSQL with the demo project (seeded the first time) and open the app on it. "
                + "The server stops when the app exits, on Ctrl+C or on a kill.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--reset", description = "delete the demo cluster and start over")
    boolean reset;

    @Option(names = "--headless", description = "keep the server up and print its URL, without a window (for scripts)")
    boolean headless;

    @Option(names = "--data", paramLabel = "DIR", description = "cluster folder (default: $XDG_DATA_HOME/warden/demo)")
    Path data;

    @Override
    public Integer call() throws InterruptedException {
        Path dir = data != null ? data : AppDirs.fromEnvironment().demoCluster();
        DesktopLauncher desktop = null;
        if (!headless) {
            desktop = DesktopLauncher.find().orElseThrow(() -> new WardenException(
                    "The desktop is not on the classpath.", "run ./warden demo from the repository, or add --headless"));
        }
        DemoEnvironment demo = DemoEnvironment.start(dir, reset, Console.progress(false));
        // Ctrl+C and kill (SIGTERM) run shutdown hooks: the server never outlives Warden
        Thread stopper = new Thread(demo::close, "warden-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        if (demo.seeded() != null) {
            Console.err().printf("Loaded the demo project: %,d rows in %.1f s%n",
                    demo.seeded().totalRows(), demo.seeded().elapsed().toMillis() / 1000.0);
        }
        if (headless) {
            Console.out().println(demo.url());
            Console.out().flush();
            Console.err().println("Demo database ready (data in " + dir + "). Press Ctrl+C to stop the server.");
            new CountDownLatch(1).await();
            return WardenCli.OK;
        }
        try {
            desktop.open(demo.profile(), "Embedded demo database, data in " + dir);
        } finally {
            demo.close();
        }
        return WardenCli.OK;
    }
}
