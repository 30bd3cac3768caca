package dev.pitstop.reload;

import static dev.pitstop.reload.RollbackRules.Verdict.FAULTED_EARLY;
import static dev.pitstop.reload.RollbackRules.Verdict.KEEP;
import static dev.pitstop.reload.RollbackRules.Verdict.OVERRUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When a live generation rolls itself back: early faults, and overruns three ticks in a row. */
class RollbackRulesTest {

    private final RollbackRules rules = new RollbackRules();

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            assertEquals(KEEP, rules.afterTick(0, 0, true));
        }
    }

    @Test
    void aNewGenerationThatFaultsInItsSixtiethTickIsRolledBack() {
        rules.wentLive(true);
        ticks(RollbackRules.WINDOW_TICKS - 1);
        assertEquals(FAULTED_EARLY, rules.afterTick(1, 0, true));
    }

    @Test
    void aFaultAfterTheWindowIsTheScriptsOwnBusiness() {
        rules.wentLive(true);
        ticks(RollbackRules.WINDOW_TICKS);
        assertEquals(KEEP, rules.afterTick(1, 0, true));
    }

    @Test
    void aGenerationBroughtBackIsNotWatchedForEarlyFaults() {
        rules.wentLive(false); // a rollback, an A/B switch or generation 1
        assertEquals(KEEP, rules.afterTick(5, 0, true));
    }

    @Test
    void threeOverrunningTicksInARowRollBackTwoDoNot() {
        rules.wentLive(false);
        assertEquals(KEEP, rules.afterTick(0, 1, true));
        assertEquals(KEEP, rules.afterTick(0, 2, true));
        assertEquals(KEEP, rules.afterTick(0, 0, true)); // the run is broken
        assertEquals(KEEP, rules.afterTick(0, 1, true));
        assertEquals(KEEP, rules.afterTick(0, 1, true));
        assertEquals(OVERRUNNING, rules.afterTick(0, 1, true));
    }

    @Test
    void overrunsLongAfterGoingLiveStillCount() {
        rules.wentLive(true);
        ticks(10_000);
        rules.afterTick(0, 1, true);
        rules.afterTick(0, 1, true);
        assertEquals(OVERRUNNING, rules.afterTick(0, 1, true));
    }

    @Test
    void overrunsNeverLeaveTheGameWithoutScripts() {
        rules.wentLive(false);
        for (int i = 0; i < 10; i++) {
            assertEquals(KEEP, rules.afterTick(0, 1, false), "no earlier generation kept");
        }
        assertEquals(OVERRUNNING, rules.afterTick(0, 1, true), "as soon as one is, the run so far counts");
    }

    @Test
    void overrunsOfTheGenerationBeforeDoNotCountForTheNextOne() {
        rules.wentLive(false);
        rules.afterTick(0, 1, true);
        rules.afterTick(0, 1, true);
        rules.wentLive(true); // a swap
        assertEquals(KEEP, rules.afterTick(0, 1, true), "one overrun of the new generation, not three");
        assertEquals(KEEP, rules.afterTick(0, 1, true));
        assertEquals(OVERRUNNING, rules.afterTick(0, 1, true));
    }

    @Test
    void anEarlyFaultWinsOverOverrunsInTheSameTick() {
        rules.wentLive(true);
        rules.afterTick(0, 1, true);
        rules.afterTick(0, 1, true);
        assertEquals(FAULTED_EARLY, rules.afterTick(1, 1, true));
        rules.wentLive(false); // the caller rolled back
        assertEquals(KEEP, rules.afterTick(0, 1, true), "the overrun run started again");
    }
}
