package dev.pitstop.loop;

import java.util.concurrent.locks.LockSupport;

/** {@link System#nanoTime()} and {@link LockSupport#parkNanos}. */
enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long nanos() {
        return System.nanoTime();
    }

    @Override
    public void sleep(long nanos) {
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
    }
}
