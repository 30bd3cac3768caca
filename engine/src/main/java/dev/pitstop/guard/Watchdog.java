package dev.pitstop.guard;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The wall-clock backstop: a daemon thread that looks at every meter a few times per backstop
 * period and asks a run that has lasted longer than {@link WorkBudget#BACKSTOP_MILLIS} to stop.
 * The run stops at its next counted point, so it only helps with work the count cannot see (a long
 * JDK call) that returns eventually. Meters are held weakly: a meter goes when its thread does.
 * Started by the first run of script code under a budget (so never with {@code --trust-scripts})
 * or the first {@link Stopwatch}; runs for the life of the JVM.
 *
 * <p>Time a debugger held does not count, so that a person can stop at a breakpoint in a script
 * and look for as long as they like:
 * <ul>
 *   <li>a debugger that suspends the whole JVM (at a breakpoint, a step, a pause) suspends this
 *       thread too: a look that comes {@link #LATE_NANOS} later than asked means it was held (or
 *       the machine slept, or a long garbage collection stopped every thread), and every run's
 *       clock restarts;</li>
 *   <li>a debugger that suspends only the thread that hit a breakpoint leaves this one running: a
 *       run seen at two looks in a row has its thread asked ({@link SuspendProbe}), and a held
 *       thread's run starts its clock again.</li>
 * </ul>
 * Restarting, not pausing: a person who resumes and stops again at the next turn of a loop, many
 * times over, never adds up to a backstop, and the run is given the whole backstop again from the
 * moment it was let go. {@link Stopwatch} gives other deadlines the same clock.
 *
 * <p>Threads: the watchdog thread looks; any thread adds meters and reads {@link #elapsedNanos}.
 * Tests drive an instance of their own with a fake clock through {@link #look}.
 */
final class Watchdog {

    /** The backstop. */
    static final long LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(WorkBudget.BACKSTOP_MILLIS);

    /** How often meters are looked at; a stuck run is stopped between 1 and 1.4 backstops after it began. */
    static final long PERIOD_NANOS = LIMIT_NANOS / 5;

    /**
     * A look this much later than {@link #PERIOD_NANOS} asked for means this thread was held: later
     * than a busy machine delays a sleeping thread (a few milliseconds), far sooner than a person
     * resumes from a breakpoint.
     */
    static final long LATE_NANOS = LIMIT_NANOS / 2;

    /** The JVM's own. */
    static final Watchdog JVM = new Watchdog(SuspendProbe.jvm(), System.nanoTime());

    private final List<WeakReference<Meter>> meters = new ArrayList<>();
    private final SuspendProbe probe;
    private volatile long lastLookNanos;
    /** The last look that found this thread had been held, or {@link Long#MIN_VALUE}. */
    private volatile long heldAtNanos = Long.MIN_VALUE;
    private Thread thread;
    private volatile boolean started;

    Watchdog(SuspendProbe probe, long nowNanos) {
        this.probe = probe;
        this.lastLookNanos = nowNanos;
    }

    static void watch(Meter meter) {
        JVM.add(meter);
    }

    static void start() {
        JVM.startThread();
    }

    synchronized void add(Meter meter) {
        meters.add(new WeakReference<>(meter));
    }

    private void startThread() {
        if (started) {
            return;
        }
        synchronized (this) {
            if (thread == null) {
                lastLookNanos = System.nanoTime();
                thread = new Thread(this::run, "pitstop-watchdog");
                thread.setDaemon(true);
                thread.start();
                started = true;
            }
        }
    }

    private void run() {
        while (true) {
            LockSupport.parkNanos(PERIOD_NANOS);
            try {
                look(System.nanoTime());
            } catch (RuntimeException | LinkageError e) {
                // Nothing a look does should throw; if it does, the next look tries again rather than
                // leave the backstop, and every Stopwatch waiting on it, without a watchdog.
            }
        }
    }

    /** One look at every meter at {@code nowNanos}. The watchdog thread (or a test's fake clock). */
    void look(long nowNanos) {
        if (late(nowNanos)) {
            heldAtNanos = nowNanos;
        }
        lastLookNanos = nowNanos;
        long heldAt = heldAtNanos;
        synchronized (this) {
            for (Iterator<WeakReference<Meter>> it = meters.iterator(); it.hasNext(); ) {
                Meter m = it.next().get();
                if (m == null) {
                    it.remove();
                } else {
                    m.watch(nowNanos, heldAt, probe);
                }
            }
        }
    }

    private boolean late(long nowNanos) {
        return nowNanos - lastLookNanos > PERIOD_NANOS + LATE_NANOS;
    }

    /**
     * Wall-clock time from {@code startNanos} to {@code nowNanos} ({@link System#nanoTime()} both)
     * less what a debugger held: counted from the later of the start and the last moment the JVM,
     * or {@code watched} while running script code, was seen held. A look that is overdue means the
     * JVM is held now or was until a moment ago (its next look will say so): then 0. Any thread.
     */
    long elapsedNanos(Thread watched, long startNanos, long nowNanos) {
        if (late(nowNanos)) {
            return 0;
        }
        long since = Math.max(startNanos, Math.max(heldAtNanos, heldAt(watched)));
        return Math.max(0, nowNanos - since);
    }

    /** When {@code watched}'s meters last saw it held, or {@link Long#MIN_VALUE}. */
    private synchronized long heldAt(Thread watched) {
        long at = Long.MIN_VALUE;
        for (WeakReference<Meter> ref : meters) {
            Meter m = ref.get();
            if (m != null && m.thread == watched) {
                at = Math.max(at, m.heldAtNanos());
            }
        }
        return at;
    }
}
