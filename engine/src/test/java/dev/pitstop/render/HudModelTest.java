package dev.pitstop.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HudModelTest {

    static Event reload(int generation, String phase, double ms) {
        return Event.of("reload", 1).with("phase", phase).with("generation", generation).with("ms", ms);
    }

    static Event rejected(int generation) {
        return Event.of("rejected", 1).with("generation", generation).with("reason", "compile").with("diagnostics",
                List.of(Map.of("file", "demo/Chaser.java", "line", 12L, "message", "';' expected")));
    }

    @Test
    void keepsTheLastReloadsPhasesAndSwap() {
        HudModel m = new HudModel();
        m.emit(reload(2, "detected", 20.5));
        m.emit(reload(2, "compiled", 250));
        HudModel.State s = m.state();
        assertEquals(2, s.reloadGeneration());
        assertEquals(20.5, s.detectedMs());
        assertEquals(250.0, s.compiledMs());
        assertTrue(Double.isNaN(s.verifiedMs()));
        m.emit(reload(3, "detected", 7));
        assertEquals(3, m.state().reloadGeneration());
        assertTrue(Double.isNaN(m.state().compiledMs()), "a new attempt starts afresh");

        m.emit(Event.of("swap", 5).with("toGeneration", 3).with("pauseMicros", 41.5).with("editToSwapMs", 300.25));
        assertEquals(3, m.state().swapGeneration());
        assertEquals(41.5, m.state().pauseMicros());
        assertEquals(300.25, m.state().editToSwapMs());
        assertEquals(1, m.state().swapCount());
    }

    @Test
    void errorsStayUntilTheNextSwap() {
        HudModel m = new HudModel();
        m.emit(rejected(4));
        assertEquals(List.of("generation 4 rejected (compile); the old code runs on", "demo/Chaser.java:12 ';' expected"),
                m.state().errors());
        m.emit(reload(5, "detected", 1));
        m.emit(Event.of("rejected", 1).with("generation", 5).with("reason", "superseded").with("diagnostics", List.of()));
        assertEquals(2, m.state().errors().size(), "a superseded attempt is no error of the user's");
        m.emit(Event.of("swap", 5).with("toGeneration", 6).with("pauseMicros", 1).with("editToSwapMs", 1));
        assertEquals(List.of(), m.state().errors());
    }

    @Test
    void keepsTheLastLogLinesAndTheLatestNotice() {
        HudModel m = new HudModel();
        for (int i = 0; i < HudModel.LOG_LINES + 3; i++) {
            m.emit(Event.of("log", i).with("behaviour", "Sniper").with("entity", 7).with("message", "line " + i + "\nsecond"));
        }
        List<String> logs = m.state().logs();
        assertEquals(HudModel.LOG_LINES, logs.size());
        assertEquals("[Sniper #7] line " + (HudModel.LOG_LINES + 2), logs.get(logs.size() - 1));
        assertNull(m.state().notice());
        m.emit(Event.of("rollback", 9).with("fromGeneration", 3).with("toGeneration", 2).with("reason", "it faulted"));
        assertEquals("rolled back from generation 3 to 2: it faulted", m.state().notice());
        m.emit(Event.of("log", 1).with("behaviour", "X").with("entity", 1).with("message", "y".repeat(500)));
        assertEquals(HudModel.MAX_LINE_CHARS, m.state().logs().get(HudModel.LOG_LINES - 1).length());
    }
}
