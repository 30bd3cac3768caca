package dev.pitstop.guard;

import java.util.function.LongSupplier;

/**
 * Wall-clock time for deadlines that a debugger must not trip: the time since {@link #start}, less
 * what a debugger held. It counts from the later of the start and the last moment the watchdog saw
 * the JVM held (a debugger that suspends every thread; also a machine that slept, or a long
 * garbage collection) or saw the watched thread held while it ran script code under a budget (a
 * debugger that suspends only the thread at a breakpoint). So a person who stops at a breakpoint
 * and resumes a minute later finds the deadline as far off as when they resumed. It is the clock of
 * the work budget's own backstop (see {@code Watchdog}), in one place for every other deadline: a
 * static initializer's, a constructor's, a shadow run's, a tick's.
 *
 * <p>It sees a thread held only while that thread runs script code under a budget
 * ({@link WorkBudget#begin} to {@link WorkBudget#end}) for more than a few milliseconds, which is
 * where a breakpoint in a script stops it; a thread held elsewhere counts its time unless the whole
 * JVM was held. It learns of holds from the watchdog's looks, a fifth of the backstop apart, so it
 * suits deadlines of a backstop or more.
 *
 * <p>A deadline that waits for another thread asks again after each timed wait, since the wait
 * itself is not debugger-aware:
 * <pre>{@code
 * Stopwatch clock = Stopwatch.start(worker);
 * while (!done.await(clock.remainingNanos(limit), TimeUnit.NANOSECONDS)) {
 *     if (clock.remainingNanos(limit) == 0) { ... give up ... }
 * }
 * }</pre>
 *
 * <p>Threads: made and read on any thread; one instance is not for sharing between threads.
 * Starting the first one starts the watchdog thread (a look every few milliseconds; well under a
 * microsecond of work per look when no run lasts that long).
 */
public final class Stopwatch {

    private final Watchdog watchdog;
    private final Thread watched;
    private final LongSupplier clock;
    private long startNanos;

    Stopwatch(Watchdog watchdog, Thread watched, LongSupplier clock) {
        this.watchdog = watchdog;
        this.watched = watched;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    /** Times work done by {@code watched}, the thread whose breakpoints should not count. */
    public static Stopwatch start(Thread watched) {
        Watchdog.start();
        return new Stopwatch(Watchdog.JVM, watched, System::nanoTime);
    }

    /** Times work done by the calling thread. */
    public static Stopwatch start() {
        return start(Thread.currentThread());
    }

    /** Starts again from now (to reuse one, say once a tick). */
    public void restart() {
        startNanos = clock.getAsLong();
    }

    /** Nanoseconds since the start, or since a debugger last let go of the JVM or the watched thread. */
    public long elapsedNanos() {
        return watchdog.elapsedNanos(watched, startNanos, clock.getAsLong());
    }

    /** What is left of {@code limitNanos}, at least 0. */
    public long remainingNanos(long limitNanos) {
        return Math.max(0, limitNanos - elapsedNanos());
    }
}
