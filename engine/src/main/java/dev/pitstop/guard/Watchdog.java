package dev.pitstop.guard;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The wall-clock backstop: a daemon thread that looks at every meter a few times per backstop
 * period and asks a run that has lasted longer than {@link WorkBudget#BACKSTOP_MILLIS} to stop.
 * The run stops at its next counted point, so it only helps with work the count cannot see (a long
 * JDK call) that returns eventually. Meters are held weakly: a meter goes when its thread does.
 * Started by the first run of script code under a budget (so never with {@code --trust-scripts});
 * runs for the life of the JVM.
 */
final class Watchdog {

    /** How often meters are looked at; a stuck run is stopped between 1 and 1.4 backstops after it began. */
    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(WorkBudget.BACKSTOP_MILLIS) / 5;

    private static final List<WeakReference<Meter>> METERS = new ArrayList<>();
    private static Thread thread;

    private Watchdog() {
    }

    static synchronized void watch(Meter meter) {
        METERS.add(new WeakReference<>(meter));
    }

    static synchronized void start() {
        if (thread == null) {
            thread = new Thread(Watchdog::run, "pitstop-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static synchronized List<Meter> meters() {
        List<Meter> live = new ArrayList<>(METERS.size());
        METERS.removeIf(ref -> {
            Meter m = ref.get();
            if (m != null) {
                live.add(m);
            }
            return m == null;
        });
        return live;
    }

    private static void run() {
        while (true) {
            LockSupport.parkNanos(PERIOD_NANOS);
            long now = System.nanoTime();
            for (Meter m : meters()) {
                m.watch(now);
            }
        }
    }
}
