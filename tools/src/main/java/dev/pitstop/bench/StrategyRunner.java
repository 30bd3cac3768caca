package dev.pitstop.bench;

import dev.pitstop.bench.scripts.BenchScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Drives one strategy through the benchmark's edits, the same way for each: generate the scripts
 * into a fresh temporary folder and start the game; then save as a person does who has just
 * started it (the first save 2 s after the start event, nine more 3 s apart, each waited for until
 * its code runs); then let a steady baseline run, and for each quick edit save one file (a
 * constant changed), wait until the new code runs, let the swap's tail and a steady gap run, and go
 * on; finally stop the game cleanly, and (for our reload) start it again and time one save after
 * that restart. Driver thread only.
 */
final class StrategyRunner {

    private final BenchSettings settings;
    private final Progress progress;

    StrategyRunner(BenchSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param work where the strategy's event log and game logs go
     */
    StrategyRecording run(Strategy strategy, Path work) throws BenchFailure, IOException, InterruptedException {
        Files.createDirectories(work);
        BenchScripts scripts = BenchScripts.generate(settings.scripts());
        Path folder = Files.createTempDirectory("pitstop-bench-" + strategy.name() + "-");
        try {
            scripts.writeAll(folder);
            Path eventLog = work.resolve("events.jsonl");
            Files.deleteIfExists(eventLog);
            StrategyRecording recording = new StrategyRecording(strategy.name());
            recording.pauseBetweenTicks = strategy.pauseBetweenTicks();
            Strategy.Launch launch = new Strategy.Launch(folder, eventLog, work, scripts.spawnPlan(settings.entities()),
                    settings);
            deleteTree(Strategy.Launch.daemons(work));
            progress.starting(strategy.name(), settings.firstSaves() + settings.edits()
                    + (strategy.restarts() ? restartSaves() : 0));
            int k = 1;
            try (GameEvents events = new GameEvents(eventLog, recording, strategy::problem)) {
                strategy.start(launch);
                LoggedEvent start = events.await(e -> e.is("start"), Strategy.START_PATIENCE, "the game's start event");
                int tail = settings.tailTicks();
                recording.warmupTicks = start.tick() + tail;
                // A person: the game starts, they switch to the editor and save, then save again every few seconds.
                for (int i = 0; i < settings.firstSaves(); i++, k++) {
                    double at = start.epochMillis() + settings.firstSaveAfterMillis() + (double) i * settings.saveSpacingMillis();
                    sleepUntil(at);
                    Strategy.Live live = save(strategy, events, recording, scripts, folder, k,
                            StrategyRecording.Pace.PERSON);
                    if (i == settings.firstSaves() - 1) {
                        afterSwap(events, live, k);
                    }
                }
                long baselineUntil = Math.max(start.tick(), recording.lastTick() == null ? 0 : recording.lastTick().tick())
                        + 2L * tail;
                events.awaitTick(baselineUntil, patienceFor(2L * tail));
                for (int q = 1; q <= settings.edits(); q++, k++) {
                    afterSwap(events, save(strategy, events, recording, scripts, folder, k,
                            StrategyRecording.Pace.QUICK), k);
                }
                strategy.stop(events);
            } finally {
                strategy.abort();
            }
            if (strategy.restarts()) {
                saveAfterRestart(strategy, launch, recording, scripts, folder, k);
            }
            strategy.finish(recording);
            progress.finished();
            return recording;
        } finally {
            deleteTree(folder);
            deleteTree(Strategy.Launch.daemons(work)); // its daemon ends with its socket
        }
    }

    /** Saves after a restart: as many as the first saves after the first start, to compare like with like. */
    private int restartSaves() {
        return Math.max(1, settings.firstSaves());
    }

    /**
     * Starts the game again (a new JVM, a fresh world, its own event log) and saves as a person does
     * after a start: the first save as long after its start event as after the first start, the
     * next ones as far apart.
     */
    private void saveAfterRestart(Strategy strategy, Strategy.Launch first, StrategyRecording recording,
            BenchScripts scripts, Path folder, int k) throws BenchFailure, IOException, InterruptedException {
        Path eventLog = first.work().resolve("events-restart.jsonl");
        Files.deleteIfExists(eventLog);
        Strategy.Launch launch = new Strategy.Launch(folder, eventLog, first.work(), first.spawnPlan(), settings);
        StrategyRecording again = new StrategyRecording(strategy.name());
        try (GameEvents events = new GameEvents(eventLog, again, strategy::problem)) {
            strategy.start(launch);
            LoggedEvent start = events.await(e -> e.is("start"), Strategy.START_PATIENCE, "the restarted game's start event");
            for (int i = 0; i < restartSaves(); i++) {
                sleepUntil(start.epochMillis() + settings.firstSaveAfterMillis() + (double) i * settings.saveSpacingMillis());
                Strategy.Live live = save(strategy, events, again, scripts, folder, k + i, StrategyRecording.Pace.PERSON);
                if (i == 0) {
                    recording.restartPhases = again.reloadPhases.getOrDefault(live.generation(), java.util.Map.of());
                }
            }
            recording.restartSaves.addAll(again.edits);
            recording.restartCompileDaemon = again.compileDaemon;
            strategy.stop(events);
        } finally {
            strategy.abort();
        }
    }

    /** Saves edit {@code k} and waits until its code runs. */
    private Strategy.Live save(Strategy strategy, GameEvents events, StrategyRecording recording, BenchScripts scripts,
            Path folder, int k, StrategyRecording.Pace pace) throws BenchFailure, IOException {
        BenchScripts.Edit edit = scripts.edit(k);
        BenchScripts.write(folder, edit.relativePath(), edit.source());
        double written = WallClock.nowMillis();
        strategy.edited(edit);
        Strategy.Live live = strategy.awaitLive(events, recording, edit);
        StrategyRecording.Edit done = new StrategyRecording.Edit(k, pace, edit.behaviour(), edit.newSpeed(), written,
                live.epochMillis(), live.swapTick(), live.pauseMicros(), live.generation());
        recording.edits.add(done);
        progress.edit(k, done.editToLiveMillis());
        return live;
    }

    /** Lets the swap's tail and a steady gap run, after the stats that show whether the new code runs. */
    private void afterSwap(GameEvents events, Strategy.Live live, int k) throws BenchFailure {
        events.await(e -> e.is("stats") && e.tick() >= live.swapTick(),
                patienceFor(settings.statsEvery()), "the stats after edit " + k);
        long until = live.swapTick() + settings.tailTicks() + BenchSettings.GAP_TICKS;
        events.awaitTick(until, patienceFor(settings.tailTicks() + BenchSettings.GAP_TICKS));
    }

    /** Waits until the wall clock reads {@code epochMillis}; the game's events are read as they come meanwhile. */
    private static void sleepUntil(double epochMillis) throws InterruptedException {
        long left;
        while ((left = (long) Math.ceil(epochMillis - WallClock.nowMillis())) > 0) {
            Thread.sleep(Math.min(left, 50));
        }
    }

    /** Real time for {@code ticks} ticks, with room for a machine that is busy with other work. */
    private Duration patienceFor(long ticks) {
        return Duration.ofMillis(60_000 + ticks * 3_000 / settings.hz());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
