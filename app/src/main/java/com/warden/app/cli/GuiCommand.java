package com.warden.app.cli;

import com.warden.app.WardenException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop app, connected to --url/--service when given, else on the connect dialog.")
final class GuiCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        DesktopLauncher desktop = DesktopLauncher.find().orElseThrow(() -> new WardenException(
                "The desktop is not on the classpath.", "run ./warden gui from the repository build"));
        desktop.open(connection.given() ? connection.profile() : null, null);
        return WardenCli.OK;
    }
}
