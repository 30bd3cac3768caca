package dev.pitstop.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which writes are still building, over which content the tuner may write, and rejected builds. */
class PendingWritesTest {

    static final String FILE = "t/A.java";

    final PendingWrites pending = new PendingWrites();

    @Test
    void theTunerWritesOverWhatIsLiveOrWhatItWroteItselfNeverOverAnyoneElses() {
        assertTrue(pending.writable(FILE, "live", "live"));
        assertFalse(pending.writable(FILE, "theirs", "live"));
        pending.wrote(FILE, "live", "mine1", "live");
        assertTrue(pending.writable(FILE, "mine1", "live"), "its own write, still building");
        assertTrue(pending.writable(FILE, "live", "live"));
        assertFalse(pending.writable(FILE, "theirs", "live"));
        assertEquals(Set.of("mine1"), pending.hashes());
    }

    @Test
    void anOlderWriteGoingLiveKeepsTheNewestBuildingAndAnyoneElsesEndsIt() {
        pending.wrote(FILE, "live", "mine1", "live");
        pending.wrote(FILE, "mine1", "mine2", "live");
        pending.settle(Map.of(FILE, "mine1"));
        assertEquals("mine2", pending.get(FILE).hash(), "the first write is live, the second still building");
        pending.settle(Map.of(FILE, "theirs"));
        assertNull(pending.get(FILE), "someone else's save went live after it");

        pending.wrote(FILE, "theirs", "mine3", "theirs");
        pending.settle(Map.of(FILE, "mine3"));
        assertNull(pending.get(FILE), "live now");
    }

    @Test
    void writingBackWhatIsLiveLeavesNothingToWaitFor() {
        pending.wrote(FILE, "live", "mine1", "live");
        pending.wrote(FILE, "mine1", "live", "live");
        assertNull(pending.get(FILE));
        assertTrue(pending.hashes().isEmpty());
    }

    @Test
    void aRejectionReachesOnlyTheWritesItsAttemptOrAnEarlierOneCarried() {
        assertFalse(pending.rejected(3, "no attempt carries anything"));
        pending.wrote(FILE, "live", "mine1", "live");
        assertFalse(pending.rejected(3, "started before the write"), "no attempt started since the write");
        pending.attemptStarted(4);
        pending.attemptStarted(5);
        assertEquals(4, pending.get(FILE).attempt(), "the first attempt after the write carries it");
        assertFalse(pending.rejected(3, "an older attempt"));
        assertTrue(pending.rejected(5, "shadow"));
        assertEquals("shadow", pending.get(FILE).rejected());

        pending.wrote(FILE, "mine1", "mine2", "live");
        assertNull(pending.get(FILE).rejected(), "a new write builds afresh");
        assertEquals(0, pending.get(FILE).attempt());
    }
}
