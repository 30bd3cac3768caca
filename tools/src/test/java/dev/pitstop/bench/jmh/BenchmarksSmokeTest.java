package dev.pitstop.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Each JMH benchmark set up and called once, outside JMH: they run, and measure what they say. */
class BenchmarksSmokeTest {

    @Test
    void dispatchCallsTheSameUpdateEveryWay() throws Exception {
        DispatchBenchmark b = new DispatchBenchmark();
        b.setUp();
        assertNotSame(Tracker.class, b.live.inSlot(0).getClass(), "the slot holds a generation's own copy of the class");
        assertEquals(Tracker.class.getName(), b.live.inSlot(0).getClass().getName());
        float direct = b.directCall();
        DispatchBenchmark c = new DispatchBenchmark();
        c.setUp();
        assertEquals(direct, c.slotDispatch(), 1e-3f, "same work through the slot as directly");
        b.slotDispatchFourClasses();
    }

    @Test
    void installAndTickRun() throws Exception {
        InstallBenchmark install = new InstallBenchmark();
        install.setUp();
        assertSame(install.even, install.install());
        assertEquals(4, install.installRealigning().generation());
        TickBenchmark tick = new TickBenchmark();
        tick.entities = 1000;
        tick.setUp();
        assertEquals(1, tick.tick());
    }
}
