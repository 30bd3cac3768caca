package dev.pitstop.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code run} and {@code demo} (CONTRACT §2). Filled by picocli on the main thread,
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
            description = "How long the script folder must be quiet before a change is built (default: 20).")
    long quietMillis = 20;

    @Option(names = "--reload-every", paramLabel = "SECONDS",
            description = "Also reload on a timer; sources that did not change build nothing.")
    Double reloadEverySeconds;

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "On exit (tick limit, quit, SIGTERM, window close) write the world to FILE.")
    Path snapshot;

    @Option(names = "--restore", paramLabel = "FILE", description = "Start from a world written by --snapshot.")
    Path restore;

    @Option(names = "--debug", paramLabel = "PORT",
            description = "Open the JVM's debugger port (JDWP) for an IDE to attach (the launcher passes it to the JVM).")
    Integer debugPort;

    List<SpawnSpec> spawnSpecs = List.of();

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
        if (debugPort != null && (debugPort < 1 || debugPort > 65535)) {
            throw new UsageError("--debug must be a TCP port (1-65535), not " + debugPort);
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
    }
}
