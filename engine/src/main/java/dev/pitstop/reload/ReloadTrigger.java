package dev.pitstop.reload;

import dev.pitstop.loop.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * When to build: a file event (at once, no quiet period before the build), a request by hand
 * ({@code reload}, F5, a tune) or the {@code --reload-every} timer; and when a built version may
 * go live: once the folder has been quiet for {@code --quiet-ms}. Time comes from a {@link Clock},
 * so the rules are tested on a fake one ({@link #next()} decides without waiting).
 *
 * <p>Thread use: {@link #fileChanged} and the requests from any thread (the watcher's, stdin's,
 * the game thread's); {@link #await}, {@link #rebuild} and {@link #awaitChangeOrQuiet} on the
 * reload thread.
 */
final class ReloadTrigger {

    /** A build to start: the time its first cause came, what caused it, and whether it is forced. */
    record Build(long sinceNanos, String trigger, boolean force) {
        boolean speculative() {
            return "file".equals(trigger);
        }
    }

    private final Clock clock;
    private final long timerPeriodNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private long changes;
    private long firstChangeNanos = -1;
    /** A build was superseded: build again now, counting from this first event ({@code -1}: none). */
    private long rebuildSince = -1;
    private long lastChangeNanos;
    private boolean manualRequested;
    private long manualRequestNanos;
    private boolean manualForced;
    private String manualTrigger = "manual";
    private long nextTimerNanos = Long.MAX_VALUE;
    private boolean closed;

    /** {@code timerPeriodMillis} 0: no timer; the timer runs once {@link #startTimer started}. */
    ReloadTrigger(Clock clock, long timerPeriodMillis) {
        this.clock = clock;
        this.timerPeriodNanos = TimeUnit.MILLISECONDS.toNanos(timerPeriodMillis);
    }

    /** Arms the timer: its first build is due one period from now (none without a period). Reload thread. */
    void startTimer() {
        lock.lock();
        try {
            nextTimerNanos = timerPeriodNanos > 0 ? clock.nanos() + timerPeriodNanos : Long.MAX_VALUE;
        } finally {
            lock.unlock();
        }
    }

    /** The watcher saw something change. Any thread. */
    void fileChanged() {
        lock.lock();
        try {
            long now = clock.nanos();
            changes++;
            if (firstChangeNanos < 0) {
                firstChangeNanos = now;
            }
            lastChangeNanos = now;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A build asked for by hand or by a tune: {@code force} builds even if no file changed since
     * the last attempt. A forced request names the build; an unforced one only if none waits.
     * Any thread.
     */
    void request(String trigger, boolean force) {
        lock.lock();
        try {
            if (!manualRequested) {
                manualRequestNanos = clock.nanos();
                manualTrigger = trigger;
                manualForced = false;
            }
            if (force) {
                manualTrigger = trigger;
                manualForced = true;
            }
            manualRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A speculative build was superseded by newer content: build again at once, counting from {@code sinceNanos}. */
    void rebuild(long sinceNanos) {
        lock.lock();
        try {
            rebuildSince = sinceNanos;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a build waits to start (or the trigger is closed). Any thread. */
    boolean waiting() {
        lock.lock();
        try {
            return closed || manualRequested || firstChangeNanos >= 0 || rebuildSince >= 0;
        } finally {
            lock.unlock();
        }
    }

    /** File events seen so far. */
    long changes() {
        lock.lock();
        try {
            return changes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The build due now, or null if none is (nor is the trigger closed): a request first, then
     * file events (or a rebuild, counted from the earlier), then the timer. Taking it clears its
     * cause. Any thread; does not wait.
     */
    Build next() {
        lock.lock();
        try {
            return nextLocked();
        } finally {
            lock.unlock();
        }
    }

    private Build nextLocked() {
        if (manualRequested) {
            manualRequested = false;
            return new Build(manualRequestNanos, manualTrigger, manualForced);
        }
        if (firstChangeNanos >= 0 || rebuildSince >= 0) {
            long since = rebuildSince >= 0 && (firstChangeNanos < 0 || rebuildSince < firstChangeNanos)
                    ? rebuildSince : firstChangeNanos;
            firstChangeNanos = -1;
            rebuildSince = -1;
            return new Build(since, "file", false);
        }
        long now = clock.nanos();
        if (now >= nextTimerNanos) {
            nextTimerNanos = now + timerPeriodNanos;
            return new Build(now, "timer", false);
        }
        return null;
    }

    /** Waits for the next build; null once closed. Reload thread. */
    Build await() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                Build b = nextLocked();
                if (b != null) {
                    return b;
                }
                long now = clock.nanos();
                wake.awaitNanos(nextTimerNanos == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(60) : nextTimerNanos - now);
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** How long the folder must still stay quiet before a build may go live ({@code <= 0}: it has been). */
    long quietLeftNanos(long quietNanos) {
        lock.lock();
        try {
            return closed ? 0 : lastChangeNanos + quietNanos - clock.nanos();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a file event comes after the {@code seen}-th, or the folder has been quiet for
     * {@code quietNanos}, or the trigger is closed. Reload thread.
     */
    void awaitChangeOrQuiet(long seen, long quietNanos) throws InterruptedException {
        lock.lock();
        try {
            long wait = quietLeftNanos(quietNanos);
            if (wait > 0 && changes == seen && !closed) {
                wake.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes whoever waits; {@link #await} returns null from now on. Any thread. */
    void close() {
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
