package dev.pitstop.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameTimesTest {

    @Test
    void keepsTheLatestFramesNewestFirst() {
        FrameTimes t = new FrameTimes();
        for (int i = 1; i <= FrameTimes.CAPACITY + 5; i++) {
            t.record(i * 1_000_000L, i % 100 == 0);
        }
        assertEquals(FrameTimes.CAPACITY, t.size());
        assertEquals(FrameTimes.CAPACITY + 5, t.millisAgo(0), 1e-3);
        assertEquals(6, t.millisAgo(FrameTimes.CAPACITY - 1), 1e-3);
        assertTrue(t.swapAgo(5), "frame 300 had a swap");
        assertFalse(t.swapAgo(4));
        assertThrows(IndexOutOfBoundsException.class, () -> t.millisAgo(FrameTimes.CAPACITY));
    }

    @Test
    void framesPerSecondFromTheLatestSecond() {
        FrameTimes t = new FrameTimes();
        assertEquals(0, t.framesPerSecond());
        for (int i = 0; i < 200; i++) {
            t.record(10_000_000L, false);
        }
        assertEquals(100, t.framesPerSecond());
    }
}
