package dev.pitstop.app;

import dev.pitstop.events.ConsoleReporter;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventLog;
import dev.pitstop.events.StatusLine;
import dev.pitstop.reload.ReloadCoordinator;
import dev.pitstop.reload.ReloadSettings;
import dev.pitstop.reload.ScriptFolder;
import dev.pitstop.world.Checksum;
import dev.pitstop.world.Snapshot;
import dev.pitstop.world.WorldState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of a run around the game loop that only read the command line: the reload pipeline's
 * settings, what to say about the debugger port, and the clean stop (the reload pipeline closed,
 * final stats, {@code --snapshot}, {@code --record}, the replay's checksum, the {@code stop}
 * event). Main thread.
 */
final class RunSteps {

    private RunSteps() {
    }

    static ReloadSettings reloadSettings(RunOptions options, Path home) {
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
        return new ReloadSettings(folder.toAbsolutePath().normalize(), kind, watch, options.quietMillis, every,
                options.safety(), compileDaemons(options));
    }

    /** Where compile daemons live, or null: none asked for, or (for now) Windows, which has no such socket folder. */
    private static Path compileDaemons(RunOptions options) {
        boolean unix = java.io.File.separatorChar == '/';
        return "on".equals(options.compileDaemon) && unix ? ReloadSettings.defaultDaemonFolder() : null;
    }

    /** What a person should know about the debugger port: who can reach it, or that there is none. */
    static List<String> debugWarnings(DebugAddress debug) {
        List<String> warnings = new ArrayList<>();
        if (debug == null) {
            return warnings;
        }
        String exposed = debug.exposureWarning();
        if (exposed != null) {
            warnings.add(exposed);
        }
        if (!DebugAddress.agentLoaded()) {
            warnings.add("--debug " + debug.jdwp() + ": this JVM was started without the debugger agent, so no port is "
                    + "open (./pitstop starts it with one)");
        }
        return warnings;
    }

    static int shutDown(RunOptions options, Console console, Map<String, String> recordedScripts, Engine engine,
            ReloadCoordinator reload, EventLog events, StatusLine status, ConsoleReporter reporter) {
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
        if (options.record != null && engine.finishedRecorder() != null) {
            try {
                engine.finishedRecorder().finish(recordedScripts).write(options.record);
            } catch (IOException e) {
                events.emit(Event.of("error", w.tick).with("message",
                        "cannot write recording " + options.record + ": " + e.getMessage()));
                exit = 1;
            }
        }
        if (options.replay != null) {
            console.out().println("final checksum " + Checksum.hex(Checksum.of(w)) + " at tick " + w.tick);
        }
        events.emit(Event.of("stop", w.tick));
        events.close();
        status.finish();
        reporter.flush();
        return exit;
    }
}
