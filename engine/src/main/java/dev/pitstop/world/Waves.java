package dev.pitstop.world;

import java.util.List;

/**
 * A level's waves and how far the world has got through them: part of the world state, saved in
 * snapshots. Game thread only.
 */
public final class Waves {

    private List<Wave> waves;
    /** Index of the next wave to start. */
    public int next;
    /** Ticks since the last wave started. */
    public long ticksSinceWave;

    public Waves(List<Wave> waves) {
        this.waves = List.copyOf(waves);
    }

    public static Waves none() {
        return new Waves(List.of());
    }

    public List<Wave> waves() {
        return waves;
    }

    /** Replaces the level (a hot-reloaded level file), keeping how many waves have started. */
    public void replace(List<Wave> newWaves) {
        this.waves = List.copyOf(newWaves);
    }

    public boolean finished() {
        return next >= waves.size();
    }

    public Waves copy() {
        Waves w = new Waves(waves);
        w.next = next;
        w.ticksSinceWave = ticksSinceWave;
        return w;
    }
}
