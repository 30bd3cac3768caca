package dev.pitstop.app;

import dev.pitstop.world.Waves;
import dev.pitstop.world.WorldState;

/**
 * The world as it was when the game started, kept to restart from (R): the same seed, the same
 * spawned or restored enemies, and the level's waves as the level file now holds them. Made on
 * the main thread before the loop; {@link #fresh()} on the game thread.
 */
final class StartingWorld {

    private final WorldState start;
    private final LevelSource level;

    StartingWorld(WorldState atStart, LevelSource level) {
        this.start = atStart.copy();
        this.level = level;
    }

    /** A new world, sharing nothing with the one at start or with any earlier restart. */
    WorldState fresh() {
        WorldState w = start.copy();
        if (level != null) {
            w.waves = new Waves(level.waves());
        }
        return w;
    }
}
