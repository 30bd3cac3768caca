package dev.pitstop.app;

import dev.pitstop.events.ConsoleReporter;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventLog;
import dev.pitstop.events.StatusLine;
import dev.pitstop.loop.Clock;
import dev.pitstop.reload.Diagnostic;
import dev.pitstop.reload.Generation;
import dev.pitstop.reload.ReloadCoordinator;
import dev.pitstop.reload.ReloadSettings;
import dev.pitstop.reload.ScriptFolder;
import dev.pitstop.reload.ScriptLoadException;
import dev.pitstop.sim.DebugDraw;
import dev.pitstop.sim.Simulation;
import dev.pitstop.world.BadFileException;
import dev.pitstop.world.Snapshot;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final PrintStream err;

    RunCommand(RunOptions options, boolean demo, Console console) {
        this.options = options;
        this.demo = demo;
        this.console = console;
        this.err = console.err();
    }

    /** @return the process exit code */
    int call() {
        try {
            return start();
        } catch (UsageError e) {
            err.println("pitstop: " + e.getMessage());
            return 2;
        }
    }

    private int start() throws UsageError {
        options.validate();
        Path home = Launcher.home();
        boolean headless = options.headless || demo; // the window comes with the demo issue
        if (demo && !options.headless) {
            err.println("pitstop: no window yet in this build; running the game headless in the terminal (Ctrl+C or 'quit' to stop)");
        }

        WorldState world;
        if (options.restore != null) {
            try {
                world = Snapshot.read(options.restore);
            } catch (BadFileException e) {
                throw new UsageError(e.getMessage());
            }
        } else {
            world = new WorldState(options.hz, options.seed, WorldState.DEFAULT_WIDTH, WorldState.DEFAULT_HEIGHT);
        }
        world.player.immortal = headless;

        ReloadSettings settings = reloadSettings(home);
        if (!Files.isDirectory(settings.folder())) {
            throw new UsageError((settings.kind() == ScriptFolder.Kind.SOURCES ? "--scripts " : "--script-classes ")
                    + settings.folder() + " is not a folder");
        }
        EventLog events = new EventLog();
        events.addListener(console.listener());
        ReloadCoordinator reload;
        Generation first;
        Engine[] running = new Engine[1];
        long startTick = world.tick;
        try {
            reload = new ReloadCoordinator(settings, events, () -> running[0] == null ? startTick : running[0].currentTick());
            first = reload.buildFirst(world.slots);
        } catch (ScriptLoadException e) {
            err.println("pitstop: the scripts in " + settings.folder() + " do not load (" + e.reason() + "):");
            for (Diagnostic d : e.diagnostics()) {
                err.println(d.format());
            }
            return 2;
        } catch (IllegalStateException e) {
            throw new UsageError(e.getMessage());
        }
        for (SpawnSpec s : options.spawnSpecs) {
            if (!first.table().names().contains(s.behaviour())) {
                throw new UsageError("--spawn " + s.behaviour() + "=" + s.count() + ": unknown behaviour '"
                        + s.behaviour() + "'; known: " + String.join(", ", first.table().names()));
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

        if (options.restore == null) {
            world.slots = SlotTable.EMPTY.withAdded(first.table().names());
        }
        Simulation sim = new Simulation(world, events, new DebugDraw(!headless));
        Engine engine = new Engine(sim, reload, events, status, options.ticks, options.statsEvery);
        running[0] = engine;
        engine.emitTickEvents(options.tickEvents);
        engine.installFirst(first);
        if (options.restore == null) {
            for (SpawnSpec s : options.spawnSpecs) {
                sim.spawn(s.behaviour(), s.count());
            }
        }
        // (The demo's waves arrive with the level file.)

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
            } catch (IOException e) {
                events.emit(Event.of("warning", world.tick).with("message",
                        "cannot watch " + settings.folder() + " (" + e.getMessage() + "); edits need 'reload'"));
            }
            events.emit(Event.of("start", world.tick)
                    .with("generation", first.number())
                    .with("behaviours", engine.liveNames())
                    .with("scripts", settings.folder().toString())
                    .with("entities", world.entities.count)
                    .with("hz", world.hz)
                    .with("seed", options.seed));
            StdinReader.start(console.in(), engine.commandQueue());
            engine.runHeadless(Clock.system(), options.unthrottled);
            exit = shutDown(engine, reload, events, status, reporter);
        } finally {
            stopped.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // SIGTERM: the JVM is exiting already; the hook has been released above.
        }
        return exit;
    }

    private int shutDown(Engine engine, ReloadCoordinator reload, EventLog events, StatusLine status,
            ConsoleReporter console) {
        int exit = 0;
        reload.close();
        engine.emitFinalStats();
        WorldState w = engine.sim().world();
        if (options.snapshot != null) {
            try {
                Snapshot.write(options.snapshot, w);
            } catch (IOException e) {
                events.emit(Event.of("error", w.tick).with("message",
                        "cannot write snapshot " + options.snapshot + ": " + e.getMessage()));
                exit = 1;
            }
        }
        events.emit(Event.of("stop", w.tick));
        events.close();
        status.finish();
        console.flush();
        return exit;
    }

    private ReloadSettings reloadSettings(Path home) {
        Path folder;
        ScriptFolder.Kind kind;
        if (options.scriptClasses != null) {
            folder = options.scriptClasses;
            kind = ScriptFolder.Kind.CLASSES;
        } else {
            folder = options.scripts != null ? options.scripts : home.resolve(RunOptions.DEFAULT_SCRIPTS);
            kind = ScriptFolder.Kind.SOURCES;
        }
        ReloadSettings.Watch watch = ReloadSettings.Watch.valueOf(options.watch.toUpperCase(java.util.Locale.ROOT));
        long every = options.reloadEverySeconds == null ? 0 : Math.max(1, Math.round(options.reloadEverySeconds * 1000));
        return new ReloadSettings(folder.toAbsolutePath().normalize(), kind, watch, options.quietMillis, every);
    }
}
