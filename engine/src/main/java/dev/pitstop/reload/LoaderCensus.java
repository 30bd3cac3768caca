package dev.pitstop.reload;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the generation class loaders that are still alive, through weak references only, so it
 * cannot itself keep one alive: the evidence that retired generations, and the shadow runs' copies
 * of them, are collected (the leak test reads it, and so can a user's debugger). Any thread.
 */
public final class LoaderCensus {

    private static final ReferenceQueue<ClassLoader> COLLECTED = new ReferenceQueue<>();
    private static final Set<Entry> LIVE = ConcurrentHashMap.newKeySet();

    private LoaderCensus() {
    }

    private static final class Entry extends WeakReference<ClassLoader> {
        final int generation;
        final boolean shadowCopy;

        Entry(ClassLoader loader, int generation, boolean shadowCopy) {
            super(loader, COLLECTED);
            this.generation = generation;
            this.shadowCopy = shadowCopy;
        }
    }

    static void register(ClassLoader loader, int generation, boolean shadowCopy) {
        purge();
        LIVE.add(new Entry(loader, generation, shadowCopy));
    }

    /** Numbers of the generations whose class loader has not been collected yet, ascending. */
    public static List<Integer> alive() {
        return alive(false);
    }

    /** Numbers of the generations whose shadow run's copy has not been collected yet, ascending. */
    public static List<Integer> aliveShadowCopies() {
        return alive(true);
    }

    private static List<Integer> alive(boolean shadowCopies) {
        purge();
        List<Integer> numbers = new ArrayList<>();
        for (Entry e : LIVE) {
            if (e.shadowCopy == shadowCopies && e.get() != null) {
                numbers.add(e.generation);
            }
        }
        numbers.sort(null);
        return numbers;
    }

    private static void purge() {
        java.lang.ref.Reference<? extends ClassLoader> r;
        while ((r = COLLECTED.poll()) != null) {
            LIVE.remove(r);
        }
    }
}
