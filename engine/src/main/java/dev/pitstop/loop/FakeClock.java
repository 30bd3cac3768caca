package dev.pitstop.loop;

/**
 * A clock that moves only when told to (or when something sleeps on it). For tests; single
 * thread.
 */
public final class FakeClock implements Clock {

    private long nanos;

    public FakeClock(long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public void sleep(long sleepNanos) {
        if (sleepNanos > 0) {
            nanos += sleepNanos;
        }
    }

    public void advance(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("a clock cannot go back: " + deltaNanos);
        }
        nanos += deltaNanos;
    }
}
