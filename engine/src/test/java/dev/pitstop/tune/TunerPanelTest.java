package dev.pitstop.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.input.PanelInput;
import dev.pitstop.reload.Generation;
import dev.pitstop.reload.SourceSet;
import dev.pitstop.render.Frame;
import dev.pitstop.render.HudCanvas;
import dev.pitstop.render.HudLayout;
import dev.pitstop.render.TunablesView;
import dev.pitstop.sim.DebugDraw;
import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.testing.Scripts;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel's keys, typing and drags against a real tuner and real files; generations go live
 * when the test says so, and time is the test's, so coalescing is exact.
 */
class TunerPanelTest {

    static final String MOVER = """
            package t;

            import dev.pitstop.api.*;

            public class Mover implements Behaviour {
                static final float SPEED = 2f;
                static final int COUNT = 3;
                static final boolean ON = true;
                @Range(min = 0, max = 50) static final float RANGED = 10f;

                @Override
                public void update(Agent self, World world) {
                }
            }
            """;
    static final String HELP = "package t;\npublic final class Help { public static final double RATE = 0.25; }\n";
    static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    final List<Event> events = new CopyOnWriteArrayList<>();
    Tuner tuner;
    Frame frame;
    TunablesView view;
    TunerPanel panel;
    long now = 1_000 * MS;
    int generation;

    @BeforeEach
    void start() throws Exception {
        Scripts.write(dir, "t/Mover.java", MOVER);
        Scripts.write(dir, "t/Help.java", HELP);
        tuner = Tuner.forSources(dir, events::add, () -> 0, () -> { });
        goLive();
        frame = new Frame();
        frame.world = new WorldState(60, 1, 1280, 720);
        frame.debug = new DebugDraw(false);
        frame.framebufferWidth = 1280;
        frame.framebufferHeight = 720;
        view = frame.tunables;
        panel = new TunerPanel(tuner, view);
        panel.toggle();
        settle();
    }

    @AfterEach
    void stop() {
        tuner.close();
    }

    /** What is on disk now is built and goes live, as the engine would do it. */
    void goLive() throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        for (String f : List.of("t/Mover.java", "t/Help.java")) {
            files.put(f, Files.readAllBytes(dir.resolve(f)));
        }
        SourceSet set = new SourceSet(files);
        tuner.sourcesBuilt(set);
        generation++;
        ScriptTable table = new ScriptTable(generation, Map.of("Mover", (self, world) -> { }), ScriptLocator.NONE,
                SlotTable.EMPTY);
        long before = tuner.snapshot().version();
        tuner.wentLive(new Generation(generation, table, set.fileHashes(), Map.of()));
        await(() -> tuner.snapshot().version() > before, "generation " + generation + " live");
    }

    void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 20_000 * MS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + "; events " + events);
            }
            Thread.onSpinWait();
        }
    }

    /** A frame, then lets the tuner handle every command asked for so far, then another frame. */
    void settle() {
        panel.frame(now);
        await(() -> tuner.snapshot().done() >= tuner.asked(), "the tuner caught up");
        panel.frame(now);
        layout();
    }

    void layout() {
        new HudLayout().layout(frame, new HudCanvas() {
            @Override
            public void rect(float x, float y, float width, float height, int rgb, float alpha) {
            }

            @Override
            public void text(float x, float y, CharSequence text, int rgb, float scale) {
            }

            @Override
            public float textWidth(CharSequence text, float scale) {
                return text.length() * 6 * scale;
            }
        });
    }

    void key(PanelInput.Key k, int mods) {
        panel.handle(new PanelInput.Event(PanelInput.Kind.KEY, k, mods, 0, 0, 0), now, 1f);
    }

    void type(String text) {
        for (char c : text.toCharArray()) {
            panel.handle(new PanelInput.Event(PanelInput.Kind.CHAR, null, 0, 0, 0, c), now, 1f);
        }
    }

    void mouse(PanelInput.Kind kind, float x, float y) {
        panel.handle(new PanelInput.Event(kind, null, 0, x, y, 0), now, 1f);
    }

    TunablesView.Row row(String label) {
        return view.rows.stream().filter(r -> !r.header() && r.label().equals(label)).findFirst().orElseThrow();
    }

    String selectedLabel() {
        return view.rows.get(view.selected).label();
    }

    String mover() throws Exception {
        return Files.readString(dir.resolve("t/Mover.java"));
    }

    long tunedEvents() {
        return events.stream().filter(e -> e.type().equals("tuned")).count();
    }

    @Test
    void behavioursFirstThenHelpersEachUnderItsClass() {
        assertEquals(List.of("Mover", "SPEED", "COUNT", "ON", "RANGED", "Help", "RATE"),
                view.rows.stream().map(TunablesView.Row::label).toList());
        assertEquals("behaviour", view.rows.get(0).value());
        assertEquals("helper", view.rows.get(5).value());
        assertEquals("SPEED", selectedLabel(), "the first tunable is selected");
        assertEquals("2f", row("SPEED").value());
        assertTrue(Float.isNaN(row("SPEED").position()));
        assertEquals(0.2f, row("RANGED").position(), 1e-6, "10 of 0..50");
        assertEquals(TunablesView.LIVE, row("SPEED").state());
    }

    @Test
    void arrowsSelectAndStepByTheValuesMagnitudeShiftFinerCtrlCoarser() throws Exception {
        key(PanelInput.Key.RIGHT, 0);
        settle();
        assertTrue(mover().contains("SPEED = 2.1f;"), mover());
        assertEquals("2.1f", row("SPEED").next(), "written, not live yet");
        assertEquals(TunablesView.BUILDING, row("SPEED").state());
        goLive();
        settle();
        assertNull(row("SPEED").next(), "live now");
        assertEquals("2.1f", row("SPEED").value());

        now += 300 * MS;
        key(PanelInput.Key.RIGHT, PanelInput.SHIFT);
        settle();
        assertTrue(mover().contains("SPEED = 2.11f;"), mover());
        now += 300 * MS;
        key(PanelInput.Key.LEFT, PanelInput.CTRL);
        settle();
        assertTrue(mover().contains("SPEED = 1.11f;"), mover());

        key(PanelInput.Key.DOWN, 0);
        settle();
        assertEquals("COUNT", selectedLabel());
        now += 300 * MS;
        key(PanelInput.Key.RIGHT, PanelInput.SHIFT);
        settle();
        assertTrue(mover().contains("COUNT = 4;"), "whole numbers move by 1 at least: " + mover());
        key(PanelInput.Key.DOWN, 0);
        now += 300 * MS;
        key(PanelInput.Key.RIGHT, 0);
        settle();
        assertTrue(mover().contains("ON = false;"), "a boolean flips: " + mover());
        key(PanelInput.Key.DOWN, 0);
        key(PanelInput.Key.DOWN, 0);
        key(PanelInput.Key.DOWN, 0);
        settle();
        assertEquals("RATE", selectedLabel(), "from the last behaviour constant into the helpers, and no further");
        now += 300 * MS;
        key(PanelInput.Key.LEFT, 0);
        settle();
        assertTrue(Files.readString(dir.resolve("t/Help.java")).contains("RATE = 0.24;"));
    }

    @Test
    void aDragWritesAFewTimesASecondAndTheLastValueWins() throws Exception {
        int speed = view.rows.indexOf(row("SPEED"));
        float y = view.y();
        float x = view.x() + view.width() / 2;
        // Find the row's place on screen as the layout drew it.
        float rowY = -1;
        for (float probe = view.y(); probe < view.y() + view.height(); probe += 1) {
            if (view.rowAt(x, probe) == speed) {
                rowY = probe + 2;
                break;
            }
        }
        assertTrue(rowY > y, "the SPEED row is on screen");
        mouse(PanelInput.Kind.PRESS, x, rowY);
        long start = tunedEvents();
        // One second of dragging at 60 frames a second, 2 pixels a frame to the right.
        for (int f = 1; f <= 60; f++) {
            now += 16_666_667L;
            mouse(PanelInput.Kind.DRAG, x + 2 * f, rowY);
            panel.frame(now);
            if (f % 10 == 0) {
                await(() -> tuner.snapshot().done() >= tuner.asked(), "the tuner caught up"); // as fast as a frame
            }
        }
        mouse(PanelInput.Kind.RELEASE, x + 120, rowY);
        now += 250 * MS;
        settle();
        long writes = tunedEvents() - start;
        assertTrue(writes >= 2 && writes <= 7, "at most five writes a second, and the last: " + writes);
        // 120 pixels at 6 a step is 20 steps of 0.1.
        assertTrue(mover().contains("SPEED = 4f;"), mover());
        assertEquals("4f", row("SPEED").next());
        assertTrue(events.stream().noneMatch(e -> e.type().equals("error")), events.toString());
    }

    @Test
    void enterTypesAValueAndABadOneIsSaidNotWritten() throws Exception {
        String before = mover();
        key(PanelInput.Key.ENTER, 0);
        type("fast");
        panel.frame(now);
        assertEquals("fast", view.editing);
        assertTrue(panel.typing());
        key(PanelInput.Key.ENTER, 0);
        settle();
        assertTrue(view.message.contains("Mover.SPEED is a float"), view.message);
        assertEquals(before, mover(), "nothing written");
        assertTrue(panel.typing(), "still typing");
        for (int i = 0; i < 4; i++) {
            key(PanelInput.Key.BACKSPACE, 0);
        }
        type("7.5");
        key(PanelInput.Key.ENTER, 0);
        settle();
        assertTrue(mover().contains("SPEED = 7.5f;"), mover());
        assertNull(view.editing);

        key(PanelInput.Key.ENTER, 0);
        type("9");
        key(PanelInput.Key.ESCAPE, 0);
        settle();
        assertNull(view.editing, "Esc drops the typed value");
        assertTrue(mover().contains("SPEED = 7.5f;"));
    }

    @Test
    void ctrlZUndoesAndCtrlYRedoes() throws Exception {
        String before = mover();
        key(PanelInput.Key.RIGHT, PanelInput.CTRL);
        settle();
        assertTrue(mover().contains("SPEED = 3f;"), mover());
        key(PanelInput.Key.UNDO, PanelInput.CTRL);
        settle();
        assertEquals(before, mover());
        key(PanelInput.Key.REDO, PanelInput.CTRL);
        settle();
        assertTrue(mover().contains("SPEED = 3f;"), mover());
    }

    @Test
    void aRejectedBuildShowsAsRejectedWithWhy() throws Exception {
        key(PanelInput.Key.RIGHT, 0);
        settle();
        assertEquals(TunablesView.BUILDING, row("SPEED").state());
        tuner.buildListener().emit(Event.of("reload", 1).with("phase", "detected").with("generation", 7));
        tuner.buildListener().emit(Event.of("rejected", 1).with("generation", 7).with("reason", "shadow")
                .with("diagnostics", List.of(Map.of("file", "t/Mover.java", "line", 12L, "message", "it threw"))));
        await(() -> {
            panel.frame(now);
            return row("SPEED").state() == TunablesView.REJECTED;
        }, "rejected");
        assertEquals("2.1f", row("SPEED").next());
        assertTrue(view.message.contains("generation 7 was rejected (shadow): t/Mover.java:12 it threw"), view.message);
    }

    @Test
    void closedItTakesNothing() throws Exception {
        String before = mover();
        panel.toggle();
        key(PanelInput.Key.RIGHT, 0);
        settle();
        assertEquals(before, mover());
        assertTrue(!view.open && !panel.typing());
    }
}
