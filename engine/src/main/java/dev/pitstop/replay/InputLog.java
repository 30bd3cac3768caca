package dev.pitstop.replay;

import dev.pitstop.sim.PlayerInput;
import java.util.Arrays;

/**
 * Every tick's player input with its tick number, in a bounded ring: the newest
 * {@link #capacity()} ticks (ten minutes at 60 Hz by default). Compact parallel arrays, no
 * allocation per tick. Game thread only.
 */
public final class InputLog {

    public static final int TEN_MINUTES_AT_60_HZ = 36_000;

    private final long[] ticks;
    private final float[] moveX;
    private final float[] moveY;
    private final float[] aimX;
    private final float[] aimY;
    private final boolean[] fire;
    private int next;
    private int size;

    public InputLog(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        ticks = new long[capacity];
        moveX = new float[capacity];
        moveY = new float[capacity];
        aimX = new float[capacity];
        aimY = new float[capacity];
        fire = new boolean[capacity];
    }

    public int capacity() {
        return ticks.length;
    }

    public int size() {
        return size;
    }

    /** Records the input used for tick {@code tick} (the world's tick count before it ran). */
    public void record(long tick, PlayerInput in) {
        ticks[next] = tick;
        moveX[next] = in.moveX();
        moveY[next] = in.moveY();
        aimX[next] = in.aimX();
        aimY[next] = in.aimY();
        fire[next] = in.fire();
        next = (next + 1) % ticks.length;
        size = Math.min(size + 1, ticks.length);
    }

    /** Forgets everything (the world was replaced by one with another history). */
    public void clear() {
        size = 0;
        next = 0;
    }

    /**
     * The inputs for ticks {@code [from, to)}, in order, as a tape; null if the ring no longer holds
     * all of them (or never saw them).
     */
    public InputTape tape(long from, long to) {
        int n = (int) (to - from);
        if (n < 0) {
            return null;
        }
        PlayerInput[] inputs = new PlayerInput[n];
        // Oldest to newest, so that where a loop replayed the same ticks the latest pass wins.
        for (int k = 0; k < size; k++) {
            int i = Math.floorMod(next - size + k, ticks.length);
            long t = ticks[i];
            if (t >= from && t < to) {
                inputs[(int) (t - from)] = new PlayerInput(moveX[i], moveY[i], aimX[i], aimY[i], fire[i]);
            }
        }
        if (Arrays.asList(inputs).contains(null)) {
            return null;
        }
        return new InputTape(from, inputs);
    }
}
