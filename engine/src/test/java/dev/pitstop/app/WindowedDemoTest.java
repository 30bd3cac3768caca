package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.platform.GameWindow;
import dev.pitstop.render.Letterbox;
import dev.pitstop.render.Palette;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.world.Entities;
import dev.pitstop.world.Player;
import dev.pitstop.world.WorldState;
import dev.pitstop.world.Snapshot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window: the demo runs 120 ticks under a display (Xvfb in CI), writes a screenshot and a
 * snapshot at stop, and the picture must show the arena, the player and the enemies, each in its
 * colour, where the snapshot says they are.
 */
@EnabledIf(value = "displayPresent",
        disabledReason = "no display (DISPLAY and WAYLAND_DISPLAY are unset); run the tests under xvfb-run -a to include the real-window test")
class WindowedDemoTest {

    /** Per colour channel: the centre of a shape is drawn in its exact colour; this only absorbs rounding. */
    static final int TOLERANCE = 12;

    @TempDir
    Path dir;

    static boolean displayPresent() {
        return GameWindow.displayExpected();
    }

    @Test
    void screenshotShowsArenaPlayerAndEnemiesWhereTheWorldHasThem() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path png = dir.resolve("shot.png");
        Path snapshot = dir.resolve("end.snap");
        Path level = dir.resolve("test.level");
        // Enemies arrive at 1.5 s, at least 200 units from the player: by tick 120 (2 s) nothing can
        // have reached it, so the player is unhurt and drawn in its own colour, not blinking.
        Files.writeString(level, "wave 1.5 Chaser=5 Orbiter=5 Sniper=5 Swarm=10\n");
        String before = System.getProperty("pitstop.home");
        System.setProperty("pitstop.home", repo.toString());
        try (RunningEngine e = RunningEngine.command("demo", "--ticks", "120", "--vsync", "off", "--seed", "7",
                "--level", level.toString(), "--screenshot", png.toString(), "--snapshot", snapshot.toString(),
                "--watch", "off")) {
            assertEquals(0, e.awaitExit(), e.stderr());
            assertTrue(e.events("frames").size() == 1, "a frames event at stop: " + e.stderr());
        } finally {
            if (before == null) {
                System.clearProperty("pitstop.home");
            } else {
                System.setProperty("pitstop.home", before);
            }
        }

        BufferedImage image = ImageIO.read(png.toFile());
        WorldState w = Snapshot.read(snapshot);
        assertEquals(120, w.tick);
        assertEquals(Player.MAX_HEALTH, w.player.health, "precondition: the player is unhurt");
        assertEquals(0f, w.player.invulnerableSeconds);
        assertEquals(25, w.entities.count, "the wave came");
        Letterbox box = Letterbox.fit(image.getWidth(), image.getHeight(), w.width, w.height);

        assertTrue(shows(Palette.PLAYER, image, box, w.player.x, w.player.y),
                "the player at " + w.player.x + "," + w.player.y + " is not " + hex(Palette.PLAYER) + " around "
                        + hex(pixel(image, box, w.player.x, w.player.y)));

        Map<String, int[]> seen = new TreeMap<>(); // behaviour -> {drawn in its colour, all}
        List<String> misses = new ArrayList<>();
        Entities e = w.entities;
        for (int i = 0; i < e.count; i++) {
            String name = w.slots.name(e.slot[i]);
            int[] s = seen.computeIfAbsent(name, k -> new int[2]);
            s[1]++;
            if (shows(Palette.colourOf(name), image, box, e.x[i], e.y[i])) {
                s[0]++;
            } else {
                misses.add(name + " at " + e.x[i] + "," + e.y[i] + ": " + hex(pixel(image, box, e.x[i], e.y[i])));
            }
        }
        int drawn = 0;
        for (Map.Entry<String, int[]> s : seen.entrySet()) {
            // An enemy can be hidden under another, a shot or the HUD's panel; most are not.
            assertTrue(s.getValue()[0] >= 1, s.getKey() + " is nowhere in its colour; " + misses);
            drawn += s.getValue()[0];
        }
        assertEquals(4, seen.size(), seen.keySet().toString());
        assertTrue(drawn * 10 >= e.count * 6, drawn + " of " + e.count + " enemies in their colour; " + misses);

        int floor = 0;
        int samples = 0;
        for (float x = 40; x < w.width; x += 80) {
            for (float y = 40; y < w.height; y += 80) {
                samples++;
                if (matches(Palette.ARENA, pixel(image, box, x, y))) {
                    floor++;
                }
            }
        }
        assertTrue(floor * 2 >= samples, "the arena's floor at " + floor + " of " + samples + " empty spots");
        int corner = image.getRGB(0, 0) & 0xFFFFFF;
        assertTrue(box.x() > 0 || box.y() > 0 || !matches(Palette.CLEAR, corner), "the arena's border covers the corner");
    }

    static int pixel(BufferedImage image, Letterbox box, float x, float y) {
        int px = (int) Math.floor(box.pixelX(x));
        int py = (int) Math.floor(box.pixelY(y));
        px = Math.max(0, Math.min(image.getWidth() - 1, px));
        py = Math.max(0, Math.min(image.getHeight() - 1, py));
        return image.getRGB(px, py) & 0xFFFFFF;
    }

    /**
     * Whether {@code rgb} is drawn within a few pixels of (x, y), well inside any shape: the scripts'
     * debug lines (one pixel wide) start or end at shape centres, so the centre alone may be covered.
     */
    static boolean shows(int rgb, BufferedImage image, Letterbox box, float x, float y) {
        float reach = Entities.RADIUS * 0.3f;
        for (float dx = -reach; dx <= reach; dx += 1f / box.pixelsPerUnit()) {
            for (float dy = -reach; dy <= reach; dy += 1f / box.pixelsPerUnit()) {
                if (matches(rgb, pixel(image, box, x + dx, y + dy))) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean matches(int expected, int got) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((expected >> shift & 0xFF) - (got >> shift & 0xFF)) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    static String hex(int rgb) {
        return String.format("#%06X", rgb);
    }
}
