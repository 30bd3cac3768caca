package dev.pitstop.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run's settings, checked. Immutable.
 *
 * @param tailTicks ticks after each swap kept apart as its warm-up tail (and, before the first
 *                  edit, the first JVM's warm-up and then a steady baseline of as many ticks)
 */
record BenchSettings(int entities, int scripts, int edits, List<String> strategies, Path out, int tailTicks,
        int hz, long seed, int statsEvery) {

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
        if (edits < 1) {
            throw new IllegalArgumentException("--edits must be at least 1, not " + edits);
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
