package dev.pitstop.loop;

/**
 * The loop's source of time, in long nanoseconds. {@link #system()} is the real one; tests use
 * {@link FakeClock}. Called on the game thread.
 */
public interface Clock {

    /** A monotonic time in nanoseconds (only differences mean anything). */
    long nanos();

    /** Waits about {@code nanos}; a fake clock just moves forward. */
    void sleep(long nanos);

    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
