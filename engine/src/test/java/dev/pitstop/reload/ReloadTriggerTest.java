package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.loop.FakeClock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The rules of when to build and when a build may go live, on a fake clock. */
class ReloadTriggerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final FakeClock clock = new FakeClock(1_000 * MS);

    @Test
    void aFileEventStartsABuildAtOnceCountedFromTheFirstEventOfABurst() {
        ReloadTrigger t = new ReloadTrigger(clock, 0);
        assertNull(t.next());
        t.fileChanged();
        long first = clock.nanos();
        clock.advance(3 * MS);
        t.fileChanged();
        ReloadTrigger.Build b = t.next();
        assertEquals(new ReloadTrigger.Build(first, "file", false), b);
        assertTrue(b.speculative());
        assertNull(t.next(), "taking the build clears its cause");
        assertEquals(2, t.changes());
    }

    @Test
    void theQuietPeriodCountsFromTheLastEvent() {
        ReloadTrigger t = new ReloadTrigger(clock, 0);
        t.fileChanged();
        clock.advance(15 * MS);
        assertEquals(5 * MS, t.quietLeftNanos(20 * MS));
        t.fileChanged(); // an editor's second write: the quiet starts again
        clock.advance(15 * MS);
        assertEquals(5 * MS, t.quietLeftNanos(20 * MS));
        clock.advance(5 * MS);
        assertTrue(t.quietLeftNanos(20 * MS) <= 0);
    }

    @Test
    void aRequestComesBeforeFileEventsAndAForcedOneNamesTheBuild() {
        ReloadTrigger t = new ReloadTrigger(clock, 0);
        t.fileChanged();
        long asked = clock.nanos();
        t.request("tune", false);
        clock.advance(MS);
        t.request("manual", true);
        assertEquals(new ReloadTrigger.Build(asked, "manual", true), t.next());
        assertFalse(t.next().force(), "the file event is still there after the request");
        assertNull(t.next());
    }

    @Test
    void anUnforcedRequestDoesNotRenameAWaitingOne() {
        ReloadTrigger t = new ReloadTrigger(clock, 0);
        t.request("manual", true);
        t.request("tune", false);
        assertEquals(new ReloadTrigger.Build(clock.nanos(), "manual", true), t.next());
    }

    @Test
    void aSupersededBuildIsRedoneCountingFromItsFirstEvent() {
        ReloadTrigger t = new ReloadTrigger(clock, 0);
        t.fileChanged();
        long first = clock.nanos();
        ReloadTrigger.Build b = t.next();
        clock.advance(4 * MS);
        t.fileChanged(); // the write that made the build stale
        t.rebuild(b.sinceNanos());
        assertTrue(t.waiting());
        assertEquals(new ReloadTrigger.Build(first, "file", false), t.next(), "the earlier of the two counts");
        assertFalse(t.waiting());
    }

    @Test
    void theTimerBuildsEveryPeriodAndOnlyWhenDue() {
        ReloadTrigger t = new ReloadTrigger(clock, 500);
        clock.advance(2_000 * MS); // the warm-ups after the start: the timer is not armed yet
        assertNull(t.next());
        t.startTimer();
        assertNull(t.next());
        clock.advance(499 * MS);
        assertNull(t.next());
        clock.advance(MS);
        ReloadTrigger.Build b = t.next();
        assertEquals("timer", b.trigger());
        assertFalse(b.speculative());
        assertNull(t.next());
        clock.advance(500 * MS);
        assertEquals("timer", t.next().trigger());
    }

    @Test
    void withoutATimerNothingIsEverDueByItself() {
        ReloadTrigger t = new ReloadTrigger(clock, 0);
        clock.advance(TimeUnit.DAYS.toNanos(365));
        assertNull(t.next());
        assertFalse(t.waiting());
    }

    @Test
    void closingEndsTheWaitAndTheQuiet() throws InterruptedException {
        ReloadTrigger t = new ReloadTrigger(clock, 0);
        t.fileChanged();
        t.close();
        assertTrue(t.waiting());
        assertNull(t.await(), "a closed trigger starts nothing more");
        assertEquals(0, t.quietLeftNanos(20 * MS));
    }
}
