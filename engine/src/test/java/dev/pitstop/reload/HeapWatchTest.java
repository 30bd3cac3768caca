package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The heap watch fed by hand: what counts as a version holding on to memory, and what does not. */
class HeapWatchTest {

    private static final long MIB = 1L << 20;

    @Test
    void retainedMemoryGrowingPastTheAllowanceIsCaught() {
        HeapWatch w = new HeapWatch(1024 * MIB);
        w.reading(30 * MIB);
        w.reading(40 * MIB);
        w.reading(90 * MIB);
        assertFalse(w.takeGrowing(), "growing, but within what scripts may keep");
        w.reading(170 * MIB);
        w.reading(250 * MIB);
        assertTrue(w.takeGrowing(), "past the least kept plus the allowance, and growing at every collection");
        assertFalse(w.takeGrowing(), "said once");
    }

    @Test
    void garbageThatCollectionsFreeIsNoHoard() {
        HeapWatch w = new HeapWatch(1024 * MIB);
        for (int i = 0; i < 20; i++) {
            w.reading(30 * MIB);
            w.reading(200 * MIB); // a high reading now and then: garbage that survived one young collection
            w.reading(40 * MIB);
        }
        assertFalse(w.takeGrowing());
    }

    @Test
    void aLargeButSteadyHeapIsNoHoard() {
        HeapWatch w = new HeapWatch(1024 * MIB);
        w.reading(20 * MIB);
        for (int i = 0; i < 10; i++) {
            w.reading(400 * MIB);
        }
        assertFalse(w.takeGrowing(), "kept, but not growing");
    }

    @Test
    void theHeapsOwnLimitCountsWhenItComesFirst() {
        HeapWatch w = new HeapWatch(200 * MIB);
        w.reading(90 * MIB);
        w.reading(100 * MIB);
        w.reading(115 * MIB);
        assertTrue(w.takeGrowing(), "55% of a small heap comes before the allowance");
    }
}
