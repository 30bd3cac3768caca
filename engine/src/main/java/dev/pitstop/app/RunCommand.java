package dev.pitstop.app;

import dev.pitstop.assets.AssetPoller;
import dev.pitstop.events.ConsoleReporter;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventLog;
import dev.pitstop.events.StatusLine;
import dev.pitstop.loop.Clock;
import dev.pitstop.platform.GameWindow;
import dev.pitstop.platform.WindowException;
import dev.pitstop.reload.Diagnostic;
import dev.pitstop.reload.Generation;
import dev.pitstop.reload.ReloadCoordinator;
import dev.pitstop.reload.ReloadSettings;
import dev.pitstop.reload.ScriptFolder;
import dev.pitstop.reload.ScriptLoadException;
import dev.pitstop.sim.DebugDraw;
import dev.pitstop.sim.FreshWorld;
import dev.pitstop.sim.Simulation;
import dev.pitstop.tune.Tuner;
import dev.pitstop.replay.Recording;
import dev.pitstop.world.BadFileException;
import dev.pitstop.world.Snapshot;
import dev.pitstop.world.Waves;
import dev.pitstop.world.WorldState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code run} and {@code demo}: checks the command line, builds generation 1, sets up the world,
 * arms the watcher, runs the game until it stops and shuts down cleanly (final stats, snapshot,
 * {@code stop}). Main thread, which becomes the game thread.
 */
final class RunCommand {

    private final RunOptions options;
    private final boolean demo;
    private final Console console;
    private java.util.Map<String, String> recordedScripts = java.util.Map.of();
    private final PrintStream err;
    /** The coordinator {@link #prepare} made, closed here if no session takes it over (it owns a compile process). */
    private ReloadCoordinator opened;

    RunCommand(RunOptions options, boolean demo, Console console) {
        this.options = options;
        this.demo = demo;
        this.console = console;
        this.err = console.err();
    }

    /**
     * The name of the thread that builds generation 1 and then runs the game, so that a debugger's
     * list of threads tells the live game from the shadow run ({@code pitstop-shadow}).
     */
    static final String GAME_THREAD = "pitstop-game";

    /** @return the process exit code */
    int call() {
        Thread me = Thread.currentThread();
        String name = me.getName();
        me.setName(GAME_THREAD);
        try {
            return start();
        } catch (UsageError e) {
            err.println("pitstop: " + e.getMessage());
            return 2;
        } finally {
            me.setName(name);
        }
    }

    /** What {@link #prepare} sets up for {@link #runSession}; it holds no script object. */
    private record Session(Engine engine, ReloadCoordinator reload, EventLog events, StatusLine status,
            ConsoleReporter reporter, ReloadSettings settings, WindowedRun window, AssetPoller assets,
            StartingWorld start, int firstGeneration) {
        Path scriptFolder() {
            return settings.folder();
        }
    }

    private int start() throws UsageError {
        Session session;
        try {
            session = prepare();
        } catch (UsageError | RuntimeException e) {
            closeOpened();
            throw e;
        }
        if (session == null) {
            closeOpened();
            return 2;
        }
        return runSession(session);
    }

    private void closeOpened() {
        if (opened != null) {
            opened.close();
        }
    }

    /**
     * Checks the command line, builds generation 1 and sets up the world; null when the scripts
     * do not load (the diagnostics are printed). Generation 1 is a local here, so that once it is
     * retired nothing on the game thread's stack keeps its class loader alive.
     */
    private Session prepare() throws UsageError {
        options.validate();
        Path home = Launcher.home();
        boolean headless = options.headless;
        if (!headless && !GameWindow.displayExpected()) {
            if (!demo) {
                throw new UsageError("no display for a window (DISPLAY and WAYLAND_DISPLAY are unset): add --headless, "
                        + "or run under xvfb-run -a");
            }
            err.println(WindowedRun.noDisplayLine("DISPLAY and WAYLAND_DISPLAY are unset"));
            headless = true;
        }

        WorldState world;
        Recording replay = null;
        if (options.replay != null) {
            try {
                replay = Recording.read(options.replay);
            } catch (BadFileException e) {
                throw new UsageError(e.getMessage());
            }
            world = replay.start().copy(); // the recorded player, mortal or not, for an exact replay
        } else if (options.restore != null) {
            try {
                world = Snapshot.read(options.restore);
            } catch (BadFileException e) {
                throw new UsageError(e.getMessage());
            }
            world.player.immortal = headless;
        } else {
            world = FreshWorld.make(options.hz, options.seed, headless);
        }

        ReloadSettings settings = RunSteps.reloadSettings(options, home);
        if (!Files.isDirectory(settings.folder())) {
            throw new UsageError((settings.kind() == ScriptFolder.Kind.SOURCES ? "--scripts " : "--script-classes ")
                    + settings.folder() + " is not a folder");
        }
        EventLog events = new EventLog();
        events.addListener(console.listener());
        ReloadCoordinator reload;
        Generation first;
        try {
            reload = new ReloadCoordinator(settings, events, world.tick);
            opened = reload;
            first = reload.buildFirst(world.slots);
        } catch (ScriptLoadException e) {
            err.println("pitstop: the scripts in " + settings.folder() + " do not load (" + e.reason() + "):");
            for (Diagnostic d : e.diagnostics()) {
                err.println(d.format());
            }
            return null;
        } catch (IllegalStateException e) {
            throw new UsageError(e.getMessage());
        }
        Tuner tuner = tuner(settings, reload, events, reload::tick);
        for (SpawnSpec s : options.spawnSpecs) {
            if (!first.table().names().contains(s.behaviour())) {
                throw new UsageError("--spawn " + s.behaviour() + "=" + s.count() + ": unknown behaviour '"
                        + s.behaviour() + "'; known: " + String.join(", ", first.table().names()));
            }
        }

        AssetPoller assets = new AssetPoller();
        List<String> levelWarnings = new ArrayList<>();
        LevelSource level = options.spawnSpecs.isEmpty() && options.restore == null && replay == null
                ? LevelSource.open(options.level, home, first.table().names(), assets, levelWarnings::add) : null;
        WindowedRun window = null;
        if (!headless) {
            try {
                window = WindowedRun.open("on".equals(options.vsync), home, assets, events);
            } catch (WindowException e) {
                if (!(demo && e.noDisplay())) {
                    err.println("pitstop: " + e.getMessage());
                    return null;
                }
                err.println(WindowedRun.noDisplayLine(e.getMessage()));
                headless = true;
                world.player.immortal = true;
            } catch (IOException e) {
                err.println("pitstop: cannot read the shaders: " + e.getMessage());
                return null;
            }
        }

        // From here on the command line was good: things get written.
        if (options.events != null) {
            try {
                events.attachFile(options.events);
            } catch (IOException e) {
                throw new UsageError("--events " + options.events + " cannot be written: " + e.getMessage());
            }
        } else {
            events.noFile();
        }
        boolean tty = Launcher.stderrIsTerminal();
        StatusLine status = new StatusLine(err, tty);
        ConsoleReporter reporter = new ConsoleReporter(err, status);
        events.addListener(reporter);
        for (String w : levelWarnings) {
            events.emit(Event.of("warning", world.tick).with("message", w));
        }
        if (headless && options.screenshot != null) {
            events.emit(Event.of("warning", world.tick).with("message", "--screenshot needs a window; no picture is written"));
        }

        boolean freshWorld = options.restore == null && replay == null;
        if (freshWorld) {
            FreshWorld.numberSlots(world, first.table().names());
        }
        Simulation sim = new Simulation(world, events, new DebugDraw(!headless));
        if (!options.trustScripts) {
            sim.capBehaviourTime(Simulation.BEHAVIOUR_TICK_CAP_MILLIS);
        }
        Engine engine = new Engine(sim, reload, events, status, options.ticks, options.statsEvery);
        engine.emitTickEvents(options.tickEvents);
        engine.useTuner(tuner);
        engine.installFirst(first);
        if (freshWorld) {
            for (SpawnSpec s : options.spawnSpecs) {
                sim.spawn(s.behaviour(), s.count());
            }
        }
        if (replay != null) {
            engine.replayInput(replay.inputs());
            String differ = ScriptHashes.differences(replay.scriptHashes(), first.fileHashes());
            if (differ != null) {
                events.emit(Event.of("warning", world.tick).with("message", "replaying " + options.replay
                        + " with other scripts than it was recorded with: " + differ));
            }
        }
        if (options.record != null) {
            engine.startRecording();
            recordedScripts = first.fileHashes();
        }
        if (level != null) {
            world.waves = new Waves(level.waves());
            engine.onFrameStart(() -> level.applyChange(sim, events));
        }
        StartingWorld start = new StartingWorld(world, level);
        return new Session(engine, reload, events, status, reporter, settings, window, assets, start,
                first.number());
    }

    private int runSession(Session session) {
        Engine engine = session.engine();
        ReloadCoordinator reload = session.reload();
        EventLog events = session.events();
        WorldState world = engine.sim().world();
        WindowedRun window = session.window();
        AssetPoller assets = session.assets();
        ReloadSettings settings = session.settings();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            engine.requestStop();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pitstop-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        int exit = 0;
        try {
            try {
                reload.start();
                if (settings.watch() != ReloadSettings.Watch.OFF) {
                    assets.start();
                }
            } catch (IOException e) {
                events.emit(Event.of("warning", world.tick).with("message",
                        "cannot watch " + session.scriptFolder() + " (" + e.getMessage() + "); edits need 'reload'"));
            }
            Event started = Event.of("start", world.tick)
                    .with("generation", session.firstGeneration())
                    .with("behaviours", engine.liveNames())
                    .with("scripts", session.scriptFolder().toString())
                    .with("entities", world.entities.count)
                    .with("hz", world.hz)
                    .with("seed", options.seed);
            if (options.debugAddress != null) {
                started.with("debug", options.debugAddress.jdwp());
            }
            if (reload.compileDaemon() != null) {
                started.with("compileDaemon", reload.compileDaemon());
            }
            events.emit(started);
            if (reload.settings().safety().trusted()) {
                events.emit(Event.of("warning", world.tick).with("message", "--trust-scripts: no sandbox and no work "
                        + "budget; a script can now freeze or crash the game and reach outside it"));
            }
            for (String w : RunSteps.debugWarnings(options.debugAddress)) {
                events.emit(Event.of("warning", world.tick).with("message", w));
            }
            StdinReader.start(console.in(), engine::submit);
            if (window != null) {
                exit = window.run(engine, session.start(), Clock.system(), options.screenshot,
                        "on".equals(options.debugDraw));
            } else {
                engine.runHeadless(Clock.system(), options.unthrottled);
            }
            exit = Math.max(exit, RunSteps.shutDown(options, console, recordedScripts, engine, reload, events,
                    session.status(), session.reporter()));
        } finally {
            engine.releaseGameThread();
            if (window != null) {
                window.close();
            }
            assets.close();
            stopped.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // SIGTERM: the JVM is exiting already; the hook has been released above.
        }
        return exit;
    }

    /**
     * The tuner of the scripts' constants: it is told the sources of generation 1 and of every
     * generation built after it, and each tune asks for a build at once instead of waiting for the
     * watcher's quiet period (or for a save, with {@code --watch off}).
     */
    private static Tuner tuner(ReloadSettings settings, ReloadCoordinator reload, EventLog events,
            java.util.function.LongSupplier tick) {
        if (settings.kind() != ScriptFolder.Kind.SOURCES) {
            return Tuner.withoutSources("the scripts are class files (--script-classes): there are no sources to "
                    + "rewrite, so nothing can be tuned", events, tick);
        }
        Tuner tuner = Tuner.forSources(settings.folder(), events, tick, () -> reload.requestBuild("tune"));
        reload.onBuilt(tuner::sourcesBuilt);
        events.addListener(tuner.buildListener());
        return tuner;
    }

}
