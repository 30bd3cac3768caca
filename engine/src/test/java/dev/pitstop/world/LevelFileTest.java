package dev.pitstop.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LevelFileTest {

    static final Set<String> KNOWN = Set.of("Chaser", "Swarm", "Sniper");

    @Test
    void parsesWavesSkippingCommentsAndBlankLines() throws Exception {
        String text = """
                # the first wave
                wave 2 Chaser=6

                wave 8.5   Chaser=4 Swarm=12   # trailing comment
                """;
        List<Wave> waves = LevelFile.parse(text, "a.level", KNOWN);
        assertEquals(List.of(
                new Wave(2f, List.of(new Wave.Spawn("Chaser", 6))),
                new Wave(8.5f, List.of(new Wave.Spawn("Chaser", 4), new Wave.Spawn("Swarm", 12)))), waves);
    }

    @Test
    void acceptsAnyNameWhenNoneAreKnown() throws Exception {
        assertEquals("Whatever", LevelFile.parse("wave 0 Whatever=1", "a.level", null).get(0).spawns().get(0).behaviour());
    }

    @Test
    void errorsNameFileAndLine() {
        assertError("levels/a.level:2: expected 'wave SECONDS NAME=COUNT...', found 'wav'", "# x\nwav 1 Chaser=1\n");
        assertError("levels/a.level:1: SECONDS 'soon' is not a number", "wave soon Chaser=1");
        assertError("levels/a.level:1: SECONDS must be between 0 and 86400, not -1", "wave -1 Chaser=1");
        assertError("levels/a.level:3: expected NAME=COUNT, found 'Chaser6'", "wave 1 Chaser=1\n\nwave 2 Chaser6");
        assertError("levels/a.level:1: COUNT 'six' of Chaser is not a whole number", "wave 1 Chaser=six");
        assertError("levels/a.level:1: '9lives' is not a behaviour name (a class's simple name)", "wave 1 9lives=2");
        assertError("levels/a.level:1: a wave needs SECONDS and at least one NAME=COUNT, e.g. 'wave 2 Chaser=6'", "wave 1");
        assertError("levels/a.level:2: unknown behaviour 'Ghost'; known: Chaser, Sniper, Swarm",
                "wave 1 Chaser=1\r\nwave 1 Ghost=2");
        assertError("levels/a.level:1: more than 10000 enemies in one wave", "wave 1 Chaser=6000 Swarm=6000");
        assertError("levels/a.level: no waves (expected lines like 'wave 2 Chaser=6 Swarm=10')", "# nothing\n");
    }

    private static void assertError(String message, String text) {
        BadFileException e = assertThrows(BadFileException.class, () -> LevelFile.parse(text, "levels/a.level", KNOWN));
        assertEquals(message, e.getMessage());
    }
}
