package dev.pitstop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The world-state check can fail: a reset world or a changed control entity is caught. */
class OutcomeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTROL = "Pendulum00";

    private final Map<Long, StrategyRecording.BehaviourStats> reference = new HashMap<>();

    private static void event(StrategyRecording r, String json) throws Exception {
        r.accept(LoggedEvent.of(JSON.readTree(json)));
    }

    private static void tick(StrategyRecording r, long tick, int generation) throws Exception {
        event(r, "{\"type\":\"tick\",\"t\":" + (1000 + tick * 16.7) + ",\"tick\":" + tick + ",\"generation\":"
                + generation + ",\"tickNanos\":1000000}");
    }

    private static void stats(StrategyRecording r, long tick, double cx) throws Exception {
        event(r, "{\"type\":\"stats\",\"t\":0,\"tick\":" + tick + ",\"behaviours\":{\"" + CONTROL
                + "\":{\"count\":5,\"meanSpeed\":40,\"cx\":" + cx + ",\"cy\":2},\"Chaser01\":{\"count\":5,"
                + "\"meanSpeed\":" + (tick > 10 ? 41 : 40) + ",\"cx\":1,\"cy\":1}}}");
    }

    /** Ticks 1..20, a swap at tick 11 (edit written at tick 8), stats every 5 ticks, as the reference has them. */
    private StrategyRecording run(long restartAt, double cxAt15) throws Exception {
        StrategyRecording r = new StrategyRecording("test");
        event(r, "{\"type\":\"start\",\"t\":0,\"tick\":0}");
        long shown = 0;
        for (long t = 1; t <= 20; t++) {
            if (t == restartAt) {
                event(r, "{\"type\":\"start\",\"t\":0,\"tick\":0}");
            }
            shown = t == restartAt ? 1 : shown + 1;
            tick(r, shown, shown > 10 || t >= restartAt ? 2 : 1);
            if (shown % 5 == 0) {
                stats(r, shown, shown == 15 ? cxAt15 : shown);
            }
        }
        for (long t = 5; t <= 20; t += 5) {
            reference.put(t, new StrategyRecording.BehaviourStats(5, 40, t, 2));
        }
        r.warmupTicks = 2;
        r.pauseBetweenTicks = true;
        r.edits.add(new StrategyRecording.Edit(1, StrategyRecording.Pace.PERSON, "Chaser01", 41f, 1000 + 8 * 16.7,
                1000 + 10 * 16.7, 11, 5.0, 2));
        event(r, "{\"type\":\"reload\",\"t\":0,\"tick\":9,\"phase\":\"compiled\",\"generation\":2,\"ms\":4.5}");
        return r;
    }

    @Test
    void aWorldThatWentOnIsKept() throws Exception {
        Outcome o = Outcome.analyse(run(Long.MAX_VALUE, 15), CONTROL, reference, 3);
        assertTrue(o.stateKept());
        assertEquals(4, o.statsChecked);
        Outcome.EditResult e = o.edits.get(0);
        assertTrue(e.stateKept());
        assertEquals(Boolean.TRUE, e.newCodeSeen());
        assertEquals(1.005, e.swapTickMillis(), 1e-9, "the swap tick with its pause");
        assertEquals(Outcome.Phase.SWAP, o.phases[10]);
        assertEquals(Outcome.Phase.TAIL, o.phases[13]);
        assertEquals(Outcome.Phase.STEADY, o.phases[14]);
        assertEquals(Outcome.Phase.WARMUP, o.phases[0]);
        assertEquals(e, o.firstSave(), "the first save at a person's pace");
        assertEquals(4.5, e.phase("compiled"), "the phases of the generation that went live");
        assertTrue(Double.isNaN(e.phase("shadow")));
    }

    @Test
    void aWorldThatStartedOverIsLost() throws Exception {
        StrategyRecording r = run(11, 15);
        Outcome o = Outcome.analyse(r, CONTROL, reference, 3);
        assertFalse(o.stateKept());
        assertTrue(o.tickBreaks > 0);
    }

    @Test
    void aControlEntityThatMovedDifferentlyIsLost() throws Exception {
        Outcome o = Outcome.analyse(run(Long.MAX_VALUE, 15.0001), CONTROL, reference, 3);
        assertFalse(o.stateKept());
        assertEquals(1, o.statsDiffering);
    }
}
