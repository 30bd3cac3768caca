package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.platform.GameWindow;
import dev.pitstop.testing.RunningEngine;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tunables panel in a real window: stdin {@code panel} opens it (as F3 does), a tune made
 * meanwhile goes live, and the last frame shows the panel at the right, its legend in the
 * panel's three colours.
 */
@EnabledIf(value = "displayPresent",
        disabledReason = "no display (DISPLAY and WAYLAND_DISPLAY are unset); run the tests under xvfb-run -a to include the real-window test")
class TunablesWindowTest {

    @TempDir
    Path dir;

    static boolean displayPresent() {
        return GameWindow.displayExpected();
    }

    @Test
    void thePanelOpensInTheWindowAndATuneGoesLive() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path scripts = dir.resolve("scripts");
        try (Stream<Path> demo = Files.walk(repo.resolve("game-scripts/src/main/java"))) {
            for (Path p : demo.filter(Files::isRegularFile).toList()) {
                Path to = scripts.resolve(repo.resolve("game-scripts/src/main/java").relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        Path png = dir.resolve("panel.png");
        String before = System.getProperty("pitstop.home");
        System.setProperty("pitstop.home", repo.toString());
        try (RunningEngine e = RunningEngine.command("demo", "--scripts", scripts.toString(), "--spawn", "Chaser=5",
                "--vsync", "off", "--screenshot", png.toString())) {
            e.await(0, "start");
            int m = e.mark();
            e.send("panel");
            e.send("tune Chaser.SPEED 120");
            Event tuned = e.await(m, "tuned");
            assertEquals("120f", tuned.get("to"));
            Event swap = e.await(m, "swap");
            assertEquals(List.of("Chaser"), swap.get("changed"));
            e.send("quit");
            assertEquals(0, e.awaitExit(), e.stderr());
            assertTrue(e.events("error").isEmpty(), e.events("error").toString());
        } finally {
            if (before == null) {
                System.clearProperty("pitstop.home");
            } else {
                System.setProperty("pitstop.home", before);
            }
        }
        assertTrue(Files.readString(scripts.resolve("demo/Chaser.java")).contains("SPEED = 120f;"));

        BufferedImage image = ImageIO.read(png.toFile());
        int w = image.getWidth();
        int h = image.getHeight();
        // The legend (live, building, rejected) on the panel's title line, top right under the game bar.
        int[] colours = {0x7CE39A, 0xFFD66B, 0xFF6B6B};
        for (int colour : colours) {
            assertTrue(found(image, colour, (int) (w * 0.6), 0, w, (int) (h * 0.2)),
                    "the panel's legend shows #" + Integer.toHexString(colour));
        }
    }

    static boolean found(BufferedImage image, int rgb, int x0, int y0, int x1, int y1) {
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if (WindowedDemoTest.matches(rgb, image.getRGB(x, y) & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }
}
