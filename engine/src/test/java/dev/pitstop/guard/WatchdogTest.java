package dev.pitstop.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The backstop's clock, driven by hand with a fake clock and a fake debugger: a run is stopped a
 * backstop after the watchdog first saw it, but time a debugger held (the whole JVM, or the run's
 * thread) does not count, and the run gets a whole backstop again once it is let go.
 */
class WatchdogTest {

    private static final long P = Watchdog.PERIOD_NANOS;
    private static final long LIMIT = Watchdog.LIMIT_NANOS;
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    /** A debugger, as far as the watchdog can tell: the threads it holds, and how often it was asked. */
    private static final class FakeDebugger implements SuspendProbe {
        final Set<Thread> held = new HashSet<>();
        int asked;

        @Override
        public boolean suspended(Thread thread) {
            asked++;
            return held.contains(thread);
        }
    }

    private final FakeDebugger debugger = new FakeDebugger();
    private final Thread game = new Thread(() -> { }, "game");
    private final Thread other = new Thread(() -> { }, "other");
    private final Watchdog watchdog = new Watchdog(debugger, 0);
    private final Meter meter = meter(game);
    private long now;

    private Meter meter(Thread owner) {
        Meter m = new Meter();
        m.thread = owner;
        watchdog.add(m);
        return m;
    }

    /** The watchdog's next look, {@code after} nanoseconds after the last. */
    private void look(long after) {
        now += after;
        watchdog.look(now);
    }

    private void looks(int count) {
        for (int i = 0; i < count; i++) {
            look(P);
        }
    }

    private static void assertRunning(Meter m) {
        assertDoesNotThrow(m::check, "the run goes on");
    }

    private static void assertStopped(Meter m) {
        BudgetExceeded e = assertThrows(BudgetExceeded.class, m::check, "the run is stopped");
        assertTrue(e.getMessage().contains("wall-clock"), e.getMessage());
    }

    @Test
    void aRunIsStoppedABackstopAfterItWasFirstSeen() {
        meter.begin(1000, WorkBudget.BACKSTOP_MILLIS);
        look(P); // first seen
        looks(4);
        assertRunning(meter);
        look(P);
        assertStopped(meter);
    }

    @Test
    void aThreadHeldAtABreakpointIsNotStoppedAndHasAWholeBackstopOnceLetGo() {
        meter.begin(1000, WorkBudget.BACKSTOP_MILLIS);
        looks(3);
        debugger.held.add(game); // a breakpoint that suspends this thread only: the watchdog runs on
        for (long t = 0; t < MINUTE; t += P) {
            look(P);
        }
        assertRunning(meter);
        debugger.held.clear();
        looks(4);
        assertRunning(meter);
        looks(1);
        assertStopped(meter); // still a backstop for the rest of the run
    }

    @Test
    void aWatchdogHeldWithTheWholeJvmRestartsEveryClock() {
        meter.begin(1000, WorkBudget.BACKSTOP_MILLIS);
        Meter shadow = meter(other);
        shadow.begin(1000, WorkBudget.BACKSTOP_MILLIS);
        looks(4); // 3 periods counted for each run
        look(MINUTE); // every thread suspended for a minute, this one included
        looks(4);
        assertRunning(meter);
        assertRunning(shadow);
        looks(1);
        assertStopped(meter);
        assertStopped(shadow);
    }

    @Test
    void aLookLateByLessThanTheThresholdIsCountedAsTime() {
        meter.begin(1000, WorkBudget.BACKSTOP_MILLIS);
        look(P); // first seen
        look(P + Watchdog.LATE_NANOS); // a busy machine: counted
        looks(1);
        assertRunning(meter);
        looks(1);
        assertStopped(meter); // past the backstop from the first look
    }

    @Test
    void resumingAndStoppingAgainAtEveryTurnOfALoopNeverAddsUp() {
        meter.begin(1000, WorkBudget.BACKSTOP_MILLIS);
        look(P);
        for (int turn = 0; turn < 1000; turn++) {
            look(2 * P + Watchdog.LATE_NANOS); // the JVM held: a person looking
            look(P); // resumed, the run goes a turn on and stops again
        }
        for (int turn = 0; turn < 1000; turn++) {
            debugger.held.add(game);
            look(P);
            debugger.held.clear();
            look(P);
        }
        assertRunning(meter);
    }

    @Test
    void noThreadIsAskedAboutUnlessARunLastsFromOneLookToTheNext() {
        for (int i = 0; i < 100; i++) {
            meter.begin(1000, WorkBudget.BACKSTOP_MILLIS);
            meter.end(); // updates of microseconds, between two looks
            look(P);
        }
        assertEquals(0, debugger.asked);
        meter.begin(1000, WorkBudget.BACKSTOP_MILLIS);
        look(P);
        assertEquals(0, debugger.asked, "a run seen once");
        look(P);
        assertEquals(1, debugger.asked, "a run seen twice");
    }

    @Test
    void aStopwatchCountsWallClockTimeLessWhatADebuggerHeld() {
        Stopwatch forGame = new Stopwatch(watchdog, game, () -> now);
        Stopwatch forOther = new Stopwatch(watchdog, other, () -> now);
        looks(10);
        assertEquals(10 * P, forGame.elapsedNanos());
        assertEquals(5 * P, forGame.remainingNanos(15 * P));
        assertEquals(0, forGame.remainingNanos(LIMIT));

        meter.begin(1000, WorkBudget.BACKSTOP_MILLIS); // the game thread stops at a breakpoint in a script
        looks(2);
        debugger.held.add(game);
        looks(100);
        debugger.held.clear();
        looks(3);
        assertEquals(3 * P, forGame.elapsedNanos(), "counted from the last look that saw it held");
        assertEquals(115 * P, forOther.elapsedNanos(), "another thread's deadline runs on");
        meter.end();

        now += MINUTE; // the whole JVM held; the watchdog has not looked yet
        assertEquals(0, forGame.elapsedNanos(), "an overdue look means held");
        assertEquals(0, forOther.elapsedNanos());
        look(0);
        looks(2);
        assertEquals(2 * P, forOther.elapsedNanos(), "counted from the look that found it");
        forOther.restart();
        looks(1);
        assertEquals(P, forOther.elapsedNanos());
    }
}
