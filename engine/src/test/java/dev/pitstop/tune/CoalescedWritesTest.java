package dev.pitstop.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While a value moves: the first write at once, then at most one per interval, the last value winning. */
class CoalescedWritesTest {

    static final long MS = 1_000_000L;

    final Tuner tuner = Tuner.withoutSources("no sources here", e -> { }, () -> 0);
    final CoalescedWrites writes = new CoalescedWrites(tuner);
    final Tunable speed = LiveTunablesTest.tunable("t.A.SPEED", "t/A.java");
    final TunerSnapshot.Item item = new TunerSnapshot.Item(speed, "A.SPEED", true, "95f", null);

    @AfterEach
    void stop() {
        tuner.close();
    }

    @Test
    void theFirstValueGoesAtOnceThenOnePerIntervalAndTheLastWins() throws Exception {
        long t = 1_000 * MS;
        writes.set(speed, "91", t);
        assertEquals(1, tuner.asked(), "the first write goes at once");
        writes.set(speed, "92", t + 50 * MS);
        writes.set(speed, "93", t + 100 * MS);
        assertEquals(1, tuner.asked(), "coalesced");
        assertEquals("93f", writes.text(speed), "shown as it will be written");
        assertTrue(writes.setting(speed, "93"));
        writes.frame(0, t + 150 * MS);
        assertEquals(1, tuner.asked(), "its time has not come");
        writes.frame(0, t + 200 * MS);
        assertEquals(2, tuner.asked(), "the last value, once the interval is up");
        assertFalse(writes.frame(1, t + 210 * MS), "the tuner handled the first, not this one");
        assertTrue(writes.frame(2, t + 220 * MS), "handled: the panel shows what the tuner says");
        assertTrue(writes.idle());
        assertNull(writes.text(speed));
    }

    @Test
    void aValueOfAnotherTypeIsRefusedAndChangesNothing() {
        assertThrows(ValueSyntax.BadValue.class, () -> writes.set(speed, "fast", 0));
        assertTrue(writes.idle());
        assertEquals(0, tuner.asked());
    }

    @Test
    void theValueShownIsTheOneBeingSetElseTheOneBuildingElseTheLiveOne() throws Exception {
        assertEquals(new BigDecimal("95"), writes.shownNumber(item));
        assertEquals(new BigDecimal(90), writes.shownNumber(new TunerSnapshot.Item(speed, "A.SPEED", true, null, null)));
        writes.set(speed, "97.5", 0);
        assertEquals(new BigDecimal("97.5"), writes.shownNumber(item));
    }
}
