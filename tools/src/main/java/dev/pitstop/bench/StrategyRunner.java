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
 * into a fresh temporary folder, start the game, let it warm up and run a steady baseline, then for
 * each edit save one file (a constant changed), wait until the new code runs, let the swap's tail
 * and a steady gap run, and go on; finally stop the game cleanly. Driver thread only.
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
    Recording run(Strategy strategy, Path work) throws BenchFailure, IOException, InterruptedException {
        Files.createDirectories(work);
        BenchScripts scripts = BenchScripts.generate(settings.scripts());
        Path folder = Files.createTempDirectory("pitstop-bench-" + strategy.name() + "-");
        try {
            scripts.writeAll(folder);
            Path eventLog = work.resolve("events.jsonl");
            Files.deleteIfExists(eventLog);
            Recording recording = new Recording(strategy.name());
            recording.pauseBetweenTicks = strategy.pauseBetweenTicks();
            Strategy.Launch launch = new Strategy.Launch(folder, eventLog, work, scripts.spawnPlan(settings.entities()),
                    settings);
            progress.starting(strategy.name(), settings.edits());
            try (GameEvents events = new GameEvents(eventLog, recording, strategy::problem)) {
                strategy.start(launch);
                LoggedEvent start = events.await(e -> e.is("start"), Strategy.START_PATIENCE, "the game's start event");
                int tail = settings.tailTicks();
                recording.warmupTicks = start.tick() + tail;
                events.awaitTick(start.tick() + 2L * tail, patienceFor(2L * tail));
                for (int k = 1; k <= settings.edits(); k++) {
                    edit(strategy, events, recording, scripts, folder, k);
                }
                strategy.stop(events);
            } finally {
                strategy.abort();
            }
            strategy.finish(recording);
            progress.finished();
            return recording;
        } finally {
            deleteTree(folder);
        }
    }

    private void edit(Strategy strategy, GameEvents events, Recording recording, BenchScripts scripts, Path folder,
            int k) throws BenchFailure, IOException {
        BenchScripts.Edit edit = scripts.edit(k);
        BenchScripts.write(folder, edit.relativePath(), edit.source());
        double written = WallClock.nowMillis();
        strategy.edited(edit);
        Strategy.Live live = strategy.awaitLive(events, recording, edit);
        Recording.Edit done = new Recording.Edit(k, edit.behaviour(), edit.newSpeed(), written, live.epochMillis(),
                live.swapTick(), live.pauseMicros());
        recording.edits.add(done);
        // The stats after the swap show whether the new code runs and whether the world survived.
        events.await(e -> e.is("stats") && e.tick() >= live.swapTick(),
                patienceFor(settings.statsEvery()), "the stats after edit " + k);
        long until = live.swapTick() + settings.tailTicks() + BenchSettings.GAP_TICKS;
        events.awaitTick(until, patienceFor(settings.tailTicks() + BenchSettings.GAP_TICKS));
        progress.edit(k, done.editToLiveMillis());
    }

    /** Real time for {@code ticks} ticks, with room for a machine that is busy with other work. */
    private Duration patienceFor(long ticks) {
        return Duration.ofMillis(60_000 + ticks * 3_000 / settings.hz());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
