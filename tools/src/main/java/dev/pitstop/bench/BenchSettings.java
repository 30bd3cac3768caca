package dev.pitstop.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run's settings, checked. Immutable.
 *
 * @param tailTicks ticks after each swap kept apart as its warm-up tail (and, before the quick
 *                  edits, the first JVM's warm-up and then a steady baseline of as many ticks)
 * @param firstSaves how many saves a person makes first, the first {@code firstSaveAfterMillis}
 *                  after the game's start event, the others {@code saveSpacingMillis} apart;
 *                  the {@code edits} quick edits follow
 */
record BenchSettings(int entities, int scripts, int edits, List<String> strategies, Path out, int tailTicks,
        int hz, long seed, int statsEvery, int firstSaves, int firstSaveAfterMillis, int saveSpacingMillis) {

    /** A person's first saves: the first 2 s after the start, the next nine 3 s apart. */
    static final int FIRST_SAVES = 10;
    static final int FIRST_SAVE_AFTER_MILLIS = 2000;
    static final int SAVE_SPACING_MILLIS = 3000;

    /** The usual person's pace. */
    BenchSettings(int entities, int scripts, int edits, List<String> strategies, Path out, int tailTicks, int hz,
            long seed, int statsEvery) {
        this(entities, scripts, edits, strategies, out, tailTicks, hz, seed, statsEvery, FIRST_SAVES,
                FIRST_SAVE_AFTER_MILLIS, SAVE_SPACING_MILLIS);
    }

    static final List<String> STRATEGIES = List.of("generation", "hotswap", "restart");
    /** Steady ticks the driver lets run after each tail before the next edit. */
    static final int GAP_TICKS = 60;

    BenchSettings {
        if (entities < 1) {
            throw new IllegalArgumentException("--entities must be at least 1, not " + entities);
        }
        if (scripts < 2) {
            throw new IllegalArgumentException("--scripts must be at least 2 (one behaviour is never edited, to check "
                    + "that the world state the edits do not touch survives), not " + scripts);
        }
        if (entities > 100_000) {
            throw new IllegalArgumentException("--entities must be at most 100000, not " + entities);
        }
        if (edits < 0 || edits + firstSaves < 1) {
            throw new IllegalArgumentException("--edits must be at least 1 (or 0 with --first-saves), not " + edits);
        }
        if (firstSaves < 0 || firstSaves > 100) {
            throw new IllegalArgumentException("--first-saves must be 0 to 100, not " + firstSaves);
        }
        if (firstSaveAfterMillis < 0 || saveSpacingMillis < 0) {
            throw new IllegalArgumentException("--first-save-after-ms and --save-spacing-ms must not be negative");
        }
        if (tailTicks < 1) {
            throw new IllegalArgumentException("--tail-ticks must be at least 1, not " + tailTicks);
        }
        strategies = List.copyOf(strategies);
    }

    /** The strategies named by {@code --strategy}: one of {@link #STRATEGIES}, or {@code all}. */
    static List<String> parseStrategy(String s) {
        if ("all".equals(s)) {
            return STRATEGIES;
        }
        if (!STRATEGIES.contains(s)) {
            throw new IllegalArgumentException("--strategy must be generation, hotswap, restart or all, not '" + s + "'");
        }
        return List.of(s);
    }

    /** The {@code --spawn NAME=COUNT} arguments of the engine's command line, in spawn order. */
    static List<String> spawnArgs(Map<String, Integer> plan) {
        List<String> args = new ArrayList<>();
        plan.forEach((name, count) -> {
            args.add("--spawn");
            args.add(name + "=" + count);
        });
        return args;
    }
}
