package dev.pitstop.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedStepLoopTest {

    static final long STEP = 16_666_666L;

    /** Records the order of calls. */
    static final class Recorder implements FixedStepLoop.Ticker {
        final List<String> calls = new ArrayList<>();
        int ticks;
        int stopAt = Integer.MAX_VALUE;

        @Override
        public void beforeTick() {
            calls.add("before");
        }

        @Override
        public void tick() {
            calls.add("tick");
            ticks++;
        }

        @Override
        public boolean stopRequested() {
            return ticks >= stopAt;
        }
    }

    @Test
    void runsOneTickPerStepOfElapsedTime() {
        FakeClock clock = new FakeClock(1_000);
        Recorder r = new Recorder();
        FixedStepLoop loop = new FixedStepLoop(STEP, r);
        assertEquals(0, loop.frame(clock.nanos()), "the first frame only starts the clock");
        clock.advance(STEP * 3);
        assertEquals(3, loop.frame(clock.nanos()));
        clock.advance(STEP / 2);
        assertEquals(0, loop.frame(clock.nanos()));
        assertEquals(0.5f, loop.alpha(), 1e-6f);
        clock.advance(STEP / 2 + 1);
        assertEquals(1, loop.frame(clock.nanos()));
        assertEquals(4, r.ticks);
    }

    @Test
    void installsBeforeEveryTick() {
        FakeClock clock = new FakeClock(0);
        Recorder r = new Recorder();
        FixedStepLoop loop = new FixedStepLoop(STEP, r);
        loop.frame(clock.nanos());
        clock.advance(STEP * 2);
        loop.frame(clock.nanos());
        assertEquals(List.of("before", "tick", "before", "tick"), r.calls);
    }

    @Test
    void clampsAStallSoItCannotSpiral() {
        FakeClock clock = new FakeClock(0);
        Recorder r = new Recorder();
        FixedStepLoop loop = new FixedStepLoop(STEP, 250_000_000L, r);
        loop.frame(clock.nanos());
        clock.advance(10_000_000_000L); // a 10 s stall (a breakpoint)
        int ran = loop.frame(clock.nanos());
        assertEquals(250_000_000L / STEP, ran, "at most the clamp's worth of ticks");
    }

    @Test
    void alphaStaysBelowOne() {
        FakeClock clock = new FakeClock(0);
        FixedStepLoop loop = new FixedStepLoop(STEP, new Recorder());
        loop.frame(clock.nanos());
        for (int i = 0; i < 1000; i++) {
            clock.advance(i * 7_919L % STEP);
            loop.frame(clock.nanos());
            assertTrue(loop.alpha() >= 0f && loop.alpha() < 1f, "alpha " + loop.alpha());
        }
    }

    @Test
    void pauseStopsTicksAndStepRunsExactlyOne() {
        FakeClock clock = new FakeClock(0);
        Recorder r = new Recorder();
        FixedStepLoop loop = new FixedStepLoop(STEP, r);
        loop.frame(clock.nanos());
        loop.pause();
        clock.advance(STEP * 10);
        assertEquals(0, loop.frame(clock.nanos()));
        loop.stepOnce();
        clock.advance(STEP * 10);
        assertEquals(1, loop.frame(clock.nanos()));
        assertEquals(0, loop.frame(clock.nanos()));
        loop.resume();
        clock.advance(STEP * 2);
        assertEquals(2, loop.frame(clock.nanos()), "time spent paused is not owed");
    }

    @Test
    void stopsMidFrameWhenAsked() {
        FakeClock clock = new FakeClock(0);
        Recorder r = new Recorder();
        r.stopAt = 2;
        FixedStepLoop loop = new FixedStepLoop(STEP, r);
        loop.frame(clock.nanos());
        clock.advance(STEP * 5);
        assertEquals(2, loop.frame(clock.nanos()));
    }

    @Test
    void rejectsNonsenseSteps() {
        assertThrows(IllegalArgumentException.class, () -> new FixedStepLoop(0, new Recorder()));
        assertThrows(IllegalArgumentException.class, () -> new FixedStepLoop(STEP, STEP - 1, new Recorder()));
    }
}
