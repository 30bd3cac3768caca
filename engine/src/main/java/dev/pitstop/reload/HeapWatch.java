package dev.pitstop.reload;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches what the heap keeps after each garbage collection, to catch scripts that hoard memory
 * in their static fields (the work budget bounds what one update allocates, not what a version
 * keeps). When what survives collections is {@link #ALLOWANCE_MIB} more than the least it has been
 * since the game started (or past {@link #THRESHOLD_PERCENT} of the heap, whichever comes first)
 * and has grown at each of the last {@link #GROWING_READINGS} collections, the game thread is told
 * to let go of the live version ({@link #takeGrowing}). Only what survives counts, so a version
 * that allocates and drops a lot of garbage is never taken for a hoarder.
 *
 * <p>Threads: the JVM's notification thread calls the listener; the game thread reads; made and
 * closed on the main thread.
 */
final class HeapWatch implements AutoCloseable {

    /** Retained heap, in percent of the heap's maximum, past which growth is acted on. */
    static final int THRESHOLD_PERCENT = 55;
    /** What scripts may keep beyond the least the game has kept: tables, caches, far more than any needs. */
    static final long ALLOWANCE_MIB = 128;
    /** Post-collection readings in a row that must each be higher than the one before. */
    static final int GROWING_READINGS = 2;

    private final long maxBytes;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private final long[] readings = new long[GROWING_READINGS + 1];
    private int count;
    private long floor = Long.MAX_VALUE;
    private volatile boolean growing;
    private volatile long retainedBytes;

    HeapWatch() {
        this(Runtime.getRuntime().maxMemory());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    /** A watch fed by hand ({@link #reading}), for tests. */
    HeapWatch(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    private void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
            used += u.getUsed();
        }
        reading(used);
    }

    /** One collection's surviving bytes. Synchronized: collectors may notify from more than one thread. */
    synchronized void reading(long usedAfterCollection) {
        retainedBytes = usedAfterCollection;
        System.arraycopy(readings, 1, readings, 0, readings.length - 1);
        readings[readings.length - 1] = usedAfterCollection;
        count = Math.min(count + 1, readings.length);
        floor = Math.min(floor, usedAfterCollection);
        long limit = Math.min(maxBytes / 100 * THRESHOLD_PERCENT, floor + (ALLOWANCE_MIB << 20));
        if (count < readings.length || usedAfterCollection <= limit) {
            return;
        }
        for (int i = 1; i < readings.length; i++) {
            if (readings[i] <= readings[i - 1]) {
                return;
            }
        }
        growing = true;
    }

    /** Whether the retained heap has been found growing past the threshold since the last call. Game thread. */
    boolean takeGrowing() {
        if (!growing) {
            return false;
        }
        synchronized (this) {
            growing = false;
            count = 0;
            return true;
        }
    }

    /** What the last collection left, in MiB, for messages. */
    long retainedMiB() {
        return retainedBytes >> 20;
    }

    long maxMiB() {
        return maxBytes >> 20;
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
        emitters.clear();
    }
}
