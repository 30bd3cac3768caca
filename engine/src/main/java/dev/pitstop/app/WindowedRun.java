package dev.pitstop.app;

import dev.pitstop.assets.AssetPoller;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventLog;
import dev.pitstop.events.TickTimes;
import dev.pitstop.input.Controls;
import dev.pitstop.input.Hotkey;
import dev.pitstop.input.HotkeyQueue;
import dev.pitstop.input.PanelInput;
import dev.pitstop.loop.Clock;
import dev.pitstop.loop.FixedStepLoop;
import dev.pitstop.platform.GameWindow;
import dev.pitstop.platform.GlRenderer;
import dev.pitstop.platform.WindowException;
import dev.pitstop.render.Frame;
import dev.pitstop.render.HudLayout;
import dev.pitstop.replay.LoopEditor;
import dev.pitstop.render.Renderer;
import dev.pitstop.sim.Simulation;
import dev.pitstop.tune.TunerPanel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The game in a window: the same fixed-step loop as headless, then a frame rendered with the
 * interpolation alpha and presented. Between frames it runs the hotkeys the window queued (never
 * inside a GLFW callback) and the engine's queued commands; the tick reads the player's input
 * from {@link Controls}. At stop it renders the final state and, if asked, saves it as a PNG.
 * Opened, run and closed on the game thread (the main thread, which owns the GL context).
 */
final class WindowedRun implements AutoCloseable {

    static final String TITLE = "Pitstop";
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    /** How long a frame waits while the window is minimised (nothing to draw). */
    static final long MINIMISED_WAIT_NANOS = 10_000_000L;

    private final GameWindow window;
    private final Renderer renderer;
    private final Controls controls;
    private final HotkeyQueue hotkeys;
    private final PanelInput panelInput;
    private final boolean vsync;
    private final EventLog events;
    private final Frame frame = new Frame();
    private final TickTimes frameNanos = new TickTimes();
    private long lastSwapCount;

    private WindowedRun(GameWindow window, Renderer renderer, Controls controls, HotkeyQueue hotkeys,
            PanelInput panelInput, boolean vsync, EventLog events) {
        this.events = events;
        this.panelInput = panelInput;
        this.window = window;
        this.renderer = renderer;
        this.controls = controls;
        this.hotkeys = hotkeys;
        this.vsync = vsync;
    }

    /** The one line the demo prints where there is no display, before it runs headless. */
    static String noDisplayLine(String why) {
        return "pitstop: no display (" + why + "); running the game headless in this terminal "
                + "(Ctrl+C or 'quit' to stop). For a real window: xvfb-run -a ./pitstop demo";
    }

    /**
     * Opens the window and builds the shaders under {@code home/assets/shaders}.
     *
     * @throws WindowException when GLFW cannot make the window or its context
     * @throws IOException when a shader file cannot be read
     */
    static WindowedRun open(boolean vsync, Path home, AssetPoller assets, EventLog events)
            throws WindowException, IOException {
        Controls controls = new Controls();
        HotkeyQueue hotkeys = new HotkeyQueue();
        PanelInput panelInput = new PanelInput();
        GameWindow window = GameWindow.open(TITLE, WIDTH, HEIGHT, vsync, controls, hotkeys, panelInput);
        try {
            GlRenderer renderer = GlRenderer.create(home.resolve("assets/shaders"), "assets/shaders", assets, events);
            WindowedRun run = new WindowedRun(window, renderer, controls, hotkeys, panelInput, vsync, events);
            events.addListener(run.frame.hud);
            return run;
        } catch (IOException | RuntimeException e) {
            window.close();
            throw e;
        }
    }

    /**
     * Runs frames until the engine stops (tick limit, Esc, window closed, {@code quit}).
     *
     * @param screenshot where to save the last frame, or null
     * @param showDebug whether the scripts' debug drawing is shown at first (F2 toggles it)
     * @return 0, or 1 when the screenshot could not be written
     */
    int run(Engine engine, StartingWorld start, Clock clock, Path screenshot, boolean showDebug) {
        Simulation sim = engine.sim();
        FixedStepLoop loop = engine.loop();
        engine.setInput(() -> controls.nextInput(sim.world().width, sim.world().height));
        frame.debug = sim.debugDraw();
        frame.showDebug = showDebug;
        TunerPanel panel = new TunerPanel(engine.tuner(), frame.tunables);
        engine.onPanelCommand(panel::toggle);
        long lastFrameNanos = clock.nanos();
        while (!engine.stopRequested()) {
            window.pollEvents();
            if (window.closeRequested()) {
                engine.requestStop();
            }
            runHotkeys(engine, start, panel);
            engine.frameStart();
            runPanel(panel, clock.nanos());
            if (engine.stopRequested()) {
                break;
            }
            loop.frame(clock.nanos());
            long now = clock.nanos();
            long swaps = frame.hud.state().swapCount();
            frameNanos.record(now - lastFrameNanos);
            frame.frameTimes.record(now - lastFrameNanos, swaps != lastSwapCount);
            lastSwapCount = swaps;
            lastFrameNanos = now;
            if (prepare(engine, loop.alpha())) {
                renderer.render(frame);
                window.swapBuffers();
                shareBounds();
            } else {
                clock.sleep(MINIMISED_WAIT_NANOS);
            }
            engine.maybeShowStatus();
        }
        return finish(engine, screenshot);
    }

    /**
     * Hands the tunables panel what the window queued for it, lets it write a coalesced value, and
     * tells the window what the panel now takes (keys while typing).
     */
    private void runPanel(TunerPanel panel, long nanos) {
        float scale = HudLayout.scaleFor(window.framebufferHeight());
        PanelInput.Event e;
        while ((e = panelInput.poll()) != null) {
            panel.handle(e, nanos, scale);
        }
        panel.frame(nanos);
        panelInput.state(frame.tunables.open, panel.typing());
    }

    /** Where the panel was drawn, so that the window knows which clicks are the panel's. */
    private void shareBounds() {
        if (frame.tunables.open) {
            panelInput.bounds(frame.tunables.x(), frame.tunables.y(), frame.tunables.width(), frame.tunables.height());
        } else {
            panelInput.bounds(0, 0, 0, 0);
        }
    }

    private void runHotkeys(Engine engine, StartingWorld start, TunerPanel panel) {
        Hotkey k;
        while ((k = hotkeys.poll()) != null) {
            switch (k) {
                case TOGGLE_HUD -> frame.showHud = !frame.showHud;
                case TOGGLE_DEBUG -> frame.showDebug = !frame.showDebug;
                case TOGGLE_TUNABLES -> panel.toggle();
                case RELOAD -> engine.submit("reload");
                case ROLLBACK -> engine.submit("rollback");
                case LOOP -> engine.submit("loop");
                case SWITCH_GENERATION -> engine.submit("generation next");
                case PAUSE -> engine.submit(engine.loop().paused() ? "resume" : "pause");
                case STEP -> engine.submit("step");
                case RESTART -> engine.restart(start.fresh());
                case QUIT -> engine.requestStop();
            }
        }
    }

    /** Fills the frame; false when there is nothing to draw on (a minimised window). */
    private boolean prepare(Engine engine, float alpha) {
        frame.world = engine.sim().world();
        frame.alpha = alpha;
        frame.generation = engine.sim().scripts().generation();
        frame.paused = engine.loop().paused();
        LoopEditor loops = engine.loops();
        frame.loopState = switch (loops.state()) {
            case OFF -> Frame.LOOP_OFF;
            case MARKED -> Frame.LOOP_MARKED;
            case LOOPING -> Frame.LOOP_PLAYING;
        };
        frame.loopIteration = loops.iteration();
        if (frame.loopState == Frame.LOOP_PLAYING) {
            frame.loopPosition = frame.world.tick - loops.firstTick();
            frame.loopLength = loops.length();
        }
        frame.framebufferWidth = window.framebufferWidth();
        frame.framebufferHeight = window.framebufferHeight();
        return frame.framebufferWidth > 0 && frame.framebufferHeight > 0;
    }

    /** The final frame shows the world exactly as it stopped (alpha 1), so a screenshot matches a snapshot. */
    private int finish(Engine engine, Path screenshot) {
        int exit = 0;
        long tick = engine.sim().world().tick;
        if (prepare(engine, 1f)) {
            renderer.render(frame);
            if (screenshot != null) {
                try {
                    renderer.saveScreenshot(screenshot);
                } catch (IOException e) {
                    exit = 1;
                    error(tick, "cannot write the screenshot: " + e.getMessage());
                }
            }
            window.swapBuffers();
        } else if (screenshot != null) {
            exit = 1;
            error(tick, "cannot write the screenshot " + screenshot + ": the window was minimised");
        }
        events.emit(Event.of("frames", tick).with("frames", frameNanos.count())
                .with("p50Ms", round(frameNanos.percentileMillis(50))).with("p99Ms", round(frameNanos.percentileMillis(99)))
                .with("maxMs", round(frameNanos.percentileMillis(100))).with("vsync", vsync));
        return exit;
    }

    private void error(long tick, String message) {
        events.emit(Event.of("error", tick).with("message", message));
    }

    private static double round(double ms) {
        return Math.round(ms * 100.0) / 100.0;
    }

    @Override
    public void close() {
        renderer.close();
        window.close();
    }
}
