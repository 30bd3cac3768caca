package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.world.SlotTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generations kept for rollback and A/B switches: which is live, which is previous, which go. */
class GenerationHistoryTest {

    static Generation generation(int number) {
        return new Generation(number, new ScriptTable(number, Map.of(), ScriptLocator.NONE, SlotTable.EMPTY), Map.of(),
                Map.of());
    }

    final GenerationHistory history = new GenerationHistory(3);
    final Generation g1 = generation(1);
    final Generation g2 = generation(2);
    final Generation g3 = generation(3);
    final Generation g4 = generation(4);

    @Test
    void keepsTheNewestUpToCapacityNewestFirst() {
        assertNull(history.live());
        assertNull(history.previous());
        assertNull(history.nextInCycle(), "nothing kept, nothing to switch to");
        history.wentLive(g1);
        assertSame(g1, history.live());
        assertNull(history.previous());
        history.wentLive(g2);
        history.wentLive(g3);
        history.wentLive(g4);
        assertEquals(List.of(4, 3, 2), history.numbers(), "generation 1 went: capacity 3");
        assertSame(g4, history.live());
        assertSame(g3, history.previous());
        assertNull(history.find(1));
        assertSame(g2, history.find(2));
        assertEquals(3, history.capacity());
    }

    @Test
    void aGenerationGoingLiveAgainIsKeptOnceInItsPlace() {
        history.wentLive(g1);
        history.wentLive(g3);
        history.wentLive(g2); // built earlier, installed later
        assertEquals(List.of(3, 2, 1), history.numbers());
        assertSame(g2, history.live());
        assertSame(g1, history.previous(), "previous is older than the live one, not the one before it in time");
        history.wentLive(g2);
        assertEquals(List.of(3, 2, 1), history.numbers());
    }

    @Test
    void droppingTheLiveOneMakesThePreviousLive() {
        history.wentLive(g1);
        history.wentLive(g2);
        history.wentLive(g3);
        assertSame(g2, history.dropLive());
        assertSame(g2, history.live());
        assertEquals(List.of(2, 1), history.numbers(), "the dropped one is not kept");
        assertSame(g1, history.dropLive());
        assertNull(history.dropLive(), "nothing older: no scripts live");
        assertNull(history.live());
        assertEquals(List.of(), history.numbers());
    }

    @Test
    void switchingDropsNothingAndCyclesFromOlderToTheNewest() {
        history.wentLive(g1);
        history.wentLive(g2);
        history.wentLive(g3);
        assertSame(g2, history.nextInCycle());
        history.switchTo(g1);
        assertSame(g1, history.live());
        assertEquals(List.of(3, 2, 1), history.numbers(), "an A/B switch keeps every generation");
        assertNull(history.previous());
        assertSame(g3, history.nextInCycle(), "from the oldest back to the newest");
        history.switchTo(g3);
        assertSame(g2, history.previous());
        assertThrows(IllegalArgumentException.class, () -> history.switchTo(g4), "not kept");
    }

    @Test
    void keepsAtLeastTheLiveAndThePreviousOne() {
        assertThrows(IllegalArgumentException.class, () -> new GenerationHistory(1));
        assertEquals(2, new GenerationHistory(2).capacity());
    }
}
