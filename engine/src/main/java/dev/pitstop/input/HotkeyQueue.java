package dev.pitstop.input;

/**
 * Hotkeys pressed since the frame loop last looked, in order, in a fixed ring so that recording a
 * key press allocates nothing. When more than {@link #CAPACITY} presses arrive in one frame the
 * oldest are dropped. Game thread only: GLFW calls its callbacks on the thread that polls events.
 */
public final class HotkeyQueue {

    public static final int CAPACITY = 64;

    private final int[] ring = new int[CAPACITY];
    private int head;
    private int size;

    public void push(Hotkey key) {
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        ring[(head + size) % CAPACITY] = key.ordinal();
        size++;
    }

    /** The oldest press not yet taken, or null. */
    public Hotkey poll() {
        if (size == 0) {
            return null;
        }
        Hotkey k = Hotkey.of(ring[head]);
        head = (head + 1) % CAPACITY;
        size--;
        return k;
    }
}
