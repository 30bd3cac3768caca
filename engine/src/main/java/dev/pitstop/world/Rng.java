package dev.pitstop.world;

/**
 * The world's only random source: SplitMix64, whose whole state is one {@code long} that snapshots
 * save and restore (unlike {@link java.util.Random}, which hides its seed). Game thread only.
 */
public final class Rng {

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    public long state() {
        return state;
    }

    public void setState(long state) {
        this.state = state;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A float in [0, 1), from the top 24 bits so every value is exactly representable. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** A float in [min, max). */
    public float range(float min, float max) {
        return min + nextFloat() * (max - min);
    }
}
