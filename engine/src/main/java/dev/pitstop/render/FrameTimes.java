package dev.pitstop.render;

/**
 * The durations of the last {@link #CAPACITY} frames, with a mark on each frame in which a new
 * script generation went live, for the HUD's frame-time graph. A fixed ring: recording allocates
 * nothing. Game thread only.
 */
public final class FrameTimes {

    /** About five seconds at 60 frames a second. */
    public static final int CAPACITY = 300;

    private final float[] millis = new float[CAPACITY];
    private final boolean[] swap = new boolean[CAPACITY];
    private int next;
    private int size;

    public void record(long frameNanos, boolean swapped) {
        millis[next] = frameNanos / 1e6f;
        swap[next] = swapped;
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /** How many frames are held. */
    public int size() {
        return size;
    }

    /** The duration of the frame {@code age} frames ago (0 = the latest), in milliseconds. */
    public float millisAgo(int age) {
        return millis[index(age)];
    }

    /** Whether a swap happened in the frame {@code age} frames ago. */
    public boolean swapAgo(int age) {
        return swap[index(age)];
    }

    /** Frames per second over the latest second of frames (or all of them, when fewer). */
    public int framesPerSecond() {
        float total = 0f;
        int n = 0;
        while (n < size && total < 1000f) {
            total += millisAgo(n);
            n++;
        }
        return total <= 0f ? 0 : Math.round(n * 1000f / total);
    }

    private int index(int age) {
        if (age < 0 || age >= size) {
            throw new IndexOutOfBoundsException("age " + age + " of " + size + " frames");
        }
        return Math.floorMod(next - 1 - age, CAPACITY);
    }
}
