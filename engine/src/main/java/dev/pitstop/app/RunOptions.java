package dev.pitstop.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code run} and {@code demo}. Filled by picocli on the main thread,
 * then checked by {@link #validate()}.
 */
final class RunOptions {

    static final String DEFAULT_SCRIPTS = "game-scripts/src/main/java";

    @Option(names = "--headless", description = "No window and no GL: the same loop, world and reload pipeline.")
    boolean headless;

    @Option(names = "--scripts", paramLabel = "DIR",
            description = "Script sources, compiled in memory and watched recursively (default: " + DEFAULT_SCRIPTS + ").")
    Path scripts;

    @Option(names = "--script-classes", paramLabel = "DIR",
            description = "Script class files compiled by an IDE or mvn compile; watched and loaded instead of --scripts.")
    Path scriptClasses;

    @Option(names = "--spawn", paramLabel = "NAME=COUNT",
            description = "Repeatable: spawn COUNT enemies driven by behaviour NAME (turns the demo's waves off).")
    List<String> spawn = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the world's only random source (default: 1).")
    long seed = 1;

    @Option(names = "--hz", paramLabel = "N", description = "Fixed ticks per second of simulated time (default: 60).")
    int hz = 60;

    @Option(names = "--ticks", paramLabel = "N",
            description = "Stop (exit 0) when the world's tick count reaches N; a restored world counts on from where it was.")
    Long ticks;

    @Option(names = "--unthrottled", description = "Headless: run ticks as fast as possible instead of in real time.")
    boolean unthrottled;

    @Option(names = "--events", paramLabel = "FILE", description = "Append the event log to FILE (JSON Lines, flushed per line).")
    Path events;

    @Option(names = "--stats-every", paramLabel = "N", description = "Ticks between stats events (default: 60).")
    int statsEvery = 60;

    @Option(names = "--tick-events",
            description = "Also log a 'tick' event after every tick with how long it took (tickNanos) and the live generation.")
    boolean tickEvents;

    @Option(names = "--watch", paramLabel = "MODE",
            description = "native (file-system events), poll (stat polling) or off (default: native).")
    String watch = "native";

    @Option(names = "--quiet-ms", paramLabel = "N",
            description = {"How long the script folder must be quiet before a change may go live (a build may start",
                "earlier, speculatively; the final content always wins) (default: 20)."})
    long quietMillis = 20;

    @Option(names = "--reload-every", paramLabel = "SECONDS",
            description = "Also reload on a timer; sources that did not change build nothing.")
    Double reloadEverySeconds;

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "On exit (tick limit, quit, SIGTERM, window close) write the world to FILE.")
    Path snapshot;

    @Option(names = "--restore", paramLabel = "FILE", description = "Start from a world written by --snapshot.")
    Path restore;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Write the start snapshot, every tick's input and the scripts' hashes to FILE when the run stops.")
    Path record;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Replay a --record file: its world and its input (the scripts are today's; a warning says "
                + "which differ). At stop the final checksum is printed.")
    Path replay;

    @Option(names = "--budget", paramLabel = "N",
            description = {"Work one behaviour update may do, counted deterministically: every loop back-edge, every "
                + "entry into a script method (a call, a lambda, a method reference, a constructor), every exception "
                + "caught, and every JDK call by the cost the scripts' member table gives it (a constant-time call as "
                + "one unit; a call that copies, sorts, searches or allocates by its size, charged before it runs; "
                + "memory at one unit per " + dev.pitstop.guard.WorkBudget.BYTES_PER_UNIT + " bytes) "
                + "(default: 1000000, about a millisecond of work). An update past it is stopped and its effects "
                + "discarded (a fault); static initializers and constructors get a budget each, past it the version is "
                + "rejected. A wall-clock backstop of " + dev.pitstop.guard.WorkBudget.BACKSTOP_MILLIS + " ms stops what "
                + "the count cannot see."})
    Long budget;

    @Option(names = "--shadow-ticks", paramLabel = "N",
            description = "Ticks a new generation runs on a copy of the world, off the game thread, before it goes live; "
                + "a fault there rejects it (default: 30; 0 turns the shadow run off).")
    int shadowTicks = dev.pitstop.reload.Safety.DEFAULT_SHADOW_TICKS;

    @Option(names = "--trust-scripts",
            description = "No sandbox and no budget instrumentation (scripts can then do anything Java can).")
    boolean trustScripts;

    @Option(names = "--debug", paramLabel = "[HOST:]PORT",
            description = {"Open the JVM's debugger port (JDWP) for an IDE to attach: PORT listens on 127.0.0.1 only; "
                + "HOST:PORT listens where asked (0.0.0.0 or * for every interface), with a warning, since anyone who "
                + "reaches it can run any code in the game. Script code held at a breakpoint is not stopped by the "
                + "backstop. The launcher starts the JVM with the agent; default: no port."})
    String debug;

    @Option(names = "--level", paramLabel = "FILE",
            description = "The waves, hot-reloaded (default: assets/levels/arena.level); not used with --spawn or --restore.")
    Path level;

    @Option(names = "--vsync", paramLabel = "on|off",
            description = "Window: wait for the display's refresh before each frame (default: on); off to measure frame times.")
    String vsync = "on";

    @Option(names = "--compile-daemon", paramLabel = "on|off",
            description = "on: compile scripts in a daemon that outlives the game, so that javac stays warm "
                + "from one start to the next (it ends after 30 idle minutes); off: in a compile process that "
                + "ends with the game (default: on).")
    String compileDaemon = "on";

    @Option(names = "--debug-draw", paramLabel = "on|off",
            description = "Window: start with the scripts' debug drawing shown (default: on); F2 toggles it.")
    String debugDraw = "on";

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Window: write a PNG of the last frame when the run stops (e.g. with --ticks N).")
    Path screenshot;

    List<SpawnSpec> spawnSpecs = List.of();

    /** {@link #debug}, checked; null without --debug. */
    DebugAddress debugAddress;

    dev.pitstop.reload.Safety safety() {
        return new dev.pitstop.reload.Safety(trustScripts,
                budget == null ? dev.pitstop.reload.Safety.DEFAULT_BUDGET_UNITS : budget, shadowTicks);
    }

    /** Checks what needs no scripts; spawn names are checked once generation 1 is built. */
    void validate() throws UsageError {
        if (hz <= 0) {
            throw new UsageError("--hz must be a positive number of ticks per second, not " + hz);
        }
        if (hz > 10_000) {
            throw new UsageError("--hz " + hz + " is more than 10000 ticks per second");
        }
        if (ticks != null && ticks < 0) {
            throw new UsageError("--ticks must not be negative, not " + ticks);
        }
        if (statsEvery <= 0) {
            throw new UsageError("--stats-every must be a positive number of ticks, not " + statsEvery);
        }
        if (quietMillis < 0) {
            throw new UsageError("--quiet-ms must not be negative, not " + quietMillis);
        }
        if (reloadEverySeconds != null && !(reloadEverySeconds > 0 && reloadEverySeconds < 1e6)) {
            throw new UsageError("--reload-every must be a positive number of seconds, not " + reloadEverySeconds);
        }
        if (!List.of("native", "poll", "off").contains(watch)) {
            throw new UsageError("--watch must be native, poll or off, not '" + watch + "'");
        }
        if (scripts != null && scriptClasses != null) {
            throw new UsageError("--scripts and --script-classes exclude each other: give one");
        }
        if (budget != null && budget <= 0) {
            throw new UsageError("--budget must be a positive number of work units, not " + budget);
        }
        if (shadowTicks < 0) {
            throw new UsageError("--shadow-ticks must not be negative, not " + shadowTicks);
        }
        debugAddress = debug == null ? null : DebugAddress.parse(debug);
        if (replay != null && (restore != null || !spawn.isEmpty())) {
            throw new UsageError("--replay brings its own world: it excludes --restore and --spawn");
        }
        if (record != null) {
            FileChecks.checkWritable(record, "--record");
        }
        if (restore != null && !spawn.isEmpty()) {
            throw new UsageError("--restore and --spawn exclude each other: a restored world brings its own enemies");
        }
        List<SpawnSpec> specs = new ArrayList<>();
        for (String s : spawn) {
            specs.add(SpawnSpec.parse(s));
        }
        spawnSpecs = specs;
        if (events != null) {
            FileChecks.checkWritable(events, "--events");
        }
        if (snapshot != null) {
            FileChecks.checkWritable(snapshot, "--snapshot");
        }
        if (!List.of("on", "off").contains(vsync)) {
            throw new UsageError("--vsync must be on or off, not '" + vsync + "'");
        }
        if (!List.of("on", "off").contains(debugDraw)) {
            throw new UsageError("--debug-draw must be on or off, not '" + debugDraw + "'");
        }
        if (!"on".equals(compileDaemon) && !"off".equals(compileDaemon)) {
            throw new UsageError("--compile-daemon must be on or off, not '" + compileDaemon + "'");
        }
        if (screenshot != null) {
            FileChecks.checkWritable(screenshot, "--screenshot");
        }
        if (level != null && (restore != null || !spawn.isEmpty())) {
            throw new UsageError("--level and " + (restore != null ? "--restore" : "--spawn")
                    + " exclude each other: the level's waves are for a fresh world");
        }
    }
}
