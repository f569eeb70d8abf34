package com.warden.ui.files;

import com.warden.app.config.AppDirs;
import com.warden.app.testing.TestPostgres;
import com.warden.ui.shell.Composition;
import com.warden.ui.shell.ScreenRegistry;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** The real main window, headless, opened on the database a test class prepared (the way ./warden demo opens it). */
@ExtendWith(ApplicationExtension.class)
abstract class FilesWindowTest {
    @TempDir
    static Path home;

    private Composition composition;

    /** This class's own database (a copy of the demo, perhaps with rows of its own). */
    abstract TestPostgres.TestDatabase testDatabase();

    /** Called from each class's own {@code @Start} method (TestFX looks for it on the test class itself). */
    void open(Stage stage) {
        composition = new Composition(new AppDirs(home.resolve("data"), home.resolve("config")), ScreenRegistry.standard());
        composition.openMainWindow(stage, testDatabase().profile(), "Test database");
    }

    @AfterEach
    void stop() {
        composition.shutdown();
    }
}
