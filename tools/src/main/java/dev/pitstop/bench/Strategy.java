package dev.pitstop.bench;

import dev.pitstop.bench.scripts.BenchScripts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way of getting an edited script into a running game (our generation swap, the JVM's
 * HotSwap, a cold restart). The {@link StrategyRunner} drives it through the same edits; a
 * strategy starts its game, says when each edit went live, and stops. Driver thread only.
 */
abstract class Strategy {

    /** How long a game may take to start (a cold JVM compiling its scripts on a busy machine). */
    static final Duration START_PATIENCE = Duration.ofSeconds(180);
    /** How long an edit may take to go live before the run is called broken. */
    static final Duration LIVE_PATIENCE = Duration.ofSeconds(120);

    /**
     * What a strategy needs to start its game.
     *
     * @param scripts the script folder the driver edits
     * @param events  the event log the game must write (with {@code tick} events)
     * @param work    a folder for its logs and files
     */
    record Launch(Path scripts, Path events, Path work, Map<String, Integer> spawnPlan, BenchSettings settings) {

        /** The engine's {@code run --headless} arguments every strategy's game shares. */
        List<String> engineArgs() {
            return new ArrayList<>(List.of("run", "--headless", "--scripts", scripts.toString(),
                    "--events", events.toString(), "--tick-events",
                    "--stats-every", Integer.toString(settings.statsEvery())));
        }

        /**
         * The environment of the strategy's game: its compile daemon lives in the run's own folder
         * ({@code daemons} under the work folder), which the driver empties before the run (the
         * first game starts it, as on a first run ever) and deletes after it (which ends it).
         */
        Map<String, String> engineEnv() {
            return Map.of("PITSTOP_COMPILE_DAEMON_DIR", daemons(work).toString());
        }

        static Path daemons(Path work) {
            return work.resolve("daemons");
        }

        /** Seed, rate and enemies: what a fresh world needs (a restored one brings its own). */
        List<String> worldArgs() {
            List<String> a = new ArrayList<>(List.of("--hz", Integer.toString(settings.hz()),
                    "--seed", Long.toString(settings.seed())));
            a.addAll(BenchSettings.spawnArgs(spawnPlan));
            return a;
        }
    }

    /**
     * An edit went live.
     *
     * @param swapTick    the first tick that ran the new code
     * @param epochMillis when the new code could first run (wall clock)
     * @param pauseMicros the game thread's pause for it, NaN if only known after the run
     * @param generation  the engine's generation number that made it live, 0 where there is none
     */
    record Live(long swapTick, double epochMillis, double pauseMicros, int generation) {

        Live(long swapTick, double epochMillis, double pauseMicros) {
            this(swapTick, epochMillis, pauseMicros, 0);
        }
    }

    abstract String name();

    /** Starts the game; it announces itself with a {@code start} event in the log. */
    abstract void start(Launch launch) throws IOException;

    /** Why the game cannot go on (it died), or null. */
    abstract String problem();

    /** Whether the pause happens on the game thread between two ticks (so it adds to the swap tick's time). */
    boolean pauseBetweenTicks() {
        return false;
    }

    /**
     * Whether the driver also quits the game after the quick edits, starts it again and times the
     * first save after that restart (what a compile daemon that outlives the game is for).
     */
    boolean restarts() {
        return false;
    }

    /** The driver has just saved {@code edit}'s file. */
    void edited(BenchScripts.Edit edit) throws IOException {
    }

    /** Waits until {@code edit}'s code runs and says when and with what pause. */
    abstract Live awaitLive(GameEvents events, StrategyRecording recording, BenchScripts.Edit edit) throws BenchFailure;

    /** Stops the game cleanly and waits for its {@code stop} event. */
    abstract void stop(GameEvents events) throws BenchFailure, InterruptedException;

    /** After the run: fill in what only the game's own files tell (the hotswap pauses). */
    void finish(StrategyRecording recording) throws IOException {
    }

    /** Ends whatever still runs (after a failure; a no-op after a clean stop). */
    abstract void abort();
}
