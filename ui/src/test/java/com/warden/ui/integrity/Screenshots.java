package com.warden.ui.integrity;

import com.warden.ui.common.FxWait;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Saves the window as a PNG when -Dwarden.screenshots=DIR is set (for the docs); does nothing otherwise. */
final class Screenshots {
    private Screenshots() { }

    static void save(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("warden.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WritableImage image = FxWait.onFx(() -> robot.listTargetWindows().get(0).getScene().snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(Path.of(dir));
        ImageIO.write(png, "png", Path.of(dir, name + ".png").toFile());
    }
}
