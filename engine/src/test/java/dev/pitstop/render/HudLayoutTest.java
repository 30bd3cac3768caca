package dev.pitstop.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.sim.DebugDraw;
import dev.pitstop.world.Wave;
import dev.pitstop.world.Waves;
import dev.pitstop.world.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HudLayoutTest {

    /** Records what a layout draws; text is copied, as a real canvas consumes it during the call. */
    static final class RecordingCanvas implements HudCanvas {
        record Text(float x, float y, String text, int rgb, float scale) { }

        record Rect(float x, float y, float width, float height) { }

        final List<Text> texts = new ArrayList<>();
        final List<Rect> rects = new ArrayList<>();

        @Override
        public void rect(float x, float y, float width, float height, int rgb, float alpha) {
            rects.add(new Rect(x, y, width, height));
        }

        @Override
        public void text(float x, float y, CharSequence text, int rgb, float scale) {
            texts.add(new Text(x, y, text.toString(), rgb, scale));
        }

        @Override
        public float textWidth(CharSequence text, float scale) {
            return text.length() * 6 * scale;
        }

        boolean shows(String part) {
            return texts.stream().anyMatch(t -> t.text.contains(part));
        }

        Text find(String part) {
            return texts.stream().filter(t -> t.text.contains(part)).findFirst().orElseThrow(
                    () -> new AssertionError("no text with '" + part + "' in " + texts));
        }
    }

    static Frame frame(int width, int height) {
        Frame f = new Frame();
        f.world = new WorldState(60, 1, 1280, 720);
        f.world.waves = new Waves(List.of(new Wave(1, List.of(new Wave.Spawn("Chaser", 1))),
                new Wave(1, List.of(new Wave.Spawn("Chaser", 1)))));
        f.debug = new DebugDraw(true);
        f.framebufferWidth = width;
        f.framebufferHeight = height;
        f.generation = 3;
        for (int i = 0; i < 100; i++) {
            f.frameTimes.record(16_000_000L, i == 50);
        }
        return f;
    }

    static RecordingCanvas layout(Frame f) {
        RecordingCanvas c = new RecordingCanvas();
        new HudLayout().layout(f, c);
        return c;
    }

    @Test
    void showsTheNumbersAndStaysInsideTheFramebuffer() {
        Frame f = frame(1280, 720);
        f.world.tick = 4242;
        f.hud.emit(Event.of("reload", 1).with("phase", "compiled").with("generation", 3).with("ms", 231.25));
        f.hud.emit(Event.of("swap", 1).with("toGeneration", 3).with("pauseMicros", 12.34).with("editToSwapMs", 280.0));
        RecordingCanvas c = layout(f);
        assertTrue(c.shows("fps 63"), c.texts.toString());
        assertTrue(c.shows("tick 4242"));
        assertTrue(c.shows("entities 0"));
        assertTrue(c.shows("generation 3"));
        assertTrue(c.shows("reload #3: detected -  compiled 231.3  verified -  loaded -  shadow - ms"), c.texts.toString());
        assertTrue(c.shows("swap to #3: pause 12.3 us, edit to live 280.0 ms"));
        assertTrue(c.shows("SCORE 0   WAVE 0/2"));
        assertTrue(c.shows("F1 HUD"));
        for (RecordingCanvas.Text t : c.texts) {
            assertTrue(t.x >= 0 && t.y >= 0 && t.y < 720 && t.x + t.text.length() * 6 * t.scale <= 1280, t.toString());
        }
        for (RecordingCanvas.Rect r : c.rects) {
            assertTrue(r.x >= 0 && r.y >= 0 && r.x + r.width <= 1280 + 1e-3 && r.y + r.height <= 720 + 1e-3, r.toString());
        }
    }

    @Test
    void f1HidesTheHudButNotTheGameBarOrErrors() {
        Frame f = frame(1280, 720);
        f.showHud = false;
        f.hud.emit(Event.of("rejected", 1).with("generation", 4).with("reason", "verify").with("diagnostics",
                List.of(Map.of("file", "demo/Sniper.java", "line", 20L, "message", "java.io.File is not allowed"))));
        f.hud.shaderError("assets/shaders/shapes.frag: compile failed\n  0:12(3): error: syntax error");
        RecordingCanvas c = layout(f);
        assertFalse(c.shows("fps"));
        assertTrue(c.shows("SCORE"));
        RecordingCanvas.Text error = c.find("demo/Sniper.java:20 java.io.File is not allowed");
        RecordingCanvas.Text shader = c.find("0:12(3): error: syntax error");
        assertTrue(shader.y() > error.y(), "the shader log comes below the script errors");
        assertTrue(shader.y() < 720);
    }

    @Test
    void bannersForPauseGameOverAndAClearArena() {
        Frame f = frame(1280, 720);
        f.paused = true;
        f.world.player.health = 0;
        f.world.player.score = 17;
        RecordingCanvas c = layout(f);
        assertTrue(c.shows("PAUSED"));
        assertTrue(c.shows("GAME OVER - score 17"));
        assertTrue(c.shows("press R to play again"));

        f = frame(1280, 720);
        f.world.waves.next = 2;
        assertTrue(layout(f).shows("ARENA CLEAR"));
    }

    @Test
    void theGraphMarksSwaps() {
        Frame f = frame(1280, 720);
        RecordingCanvas c = layout(f);
        float s = HudLayout.scaleFor(720);
        long fullHeight = c.rects.stream().filter(r -> r.width() == 3 * HudLayout.barWidth(s) && r.height() == 48 * s).count();
        assertEquals(1, fullHeight, "one swap mark over the full graph height");
    }

    @Test
    void textGrowsWithTheFramebuffer() {
        assertEquals(1f, HudLayout.scaleFor(480));
        assertTrue(HudLayout.scaleFor(1440) > HudLayout.scaleFor(720));
    }

    @Test
    void fixedPointNumbersWithoutFormatting() {
        assertEquals("3.14", HudLayout.appendFixed(new StringBuilder(), 3.14159, 2).toString());
        assertEquals("-0.5", HudLayout.appendFixed(new StringBuilder(), -0.5, 1).toString());
        assertEquals("10.0", HudLayout.appendFixed(new StringBuilder(), 9.96, 1).toString());
        assertEquals("7", HudLayout.appendFixed(new StringBuilder(), 7.4, 0).toString());
        assertEquals("-", HudLayout.appendFixed(new StringBuilder(), Double.NaN, 1).toString());
    }

    @Test
    void showsTheLoopState() {
        Frame f = frame(1280, 720);
        f.loopState = Frame.LOOP_PLAYING;
        f.loopIteration = 2;
        f.loopPosition = 10;
        f.loopLength = 60;
        assertTrue(layout(f).shows("loop pass 2 at 10/60"));
        f.loopState = Frame.LOOP_MARKED;
        assertTrue(layout(f).shows("loop start marked"));
    }
}
