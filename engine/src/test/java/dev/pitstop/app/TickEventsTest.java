package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickEventsTest {

    @TempDir
    Path dir;

    @Test
    void tickEventsComeOnlyWhenAskedOnePerTickWithItsDuration() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=3",
                "--unthrottled", "--ticks", "5", "--tick-events", "--watch", "off")) {
            assertEquals(0, e.awaitExit());
            List<Event> ticks = e.events("tick");
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ticks.stream().map(Event::tick).toList());
            for (Event t : ticks) {
                assertEquals(1, t.get("generation"));
                assertTrue(((Number) t.get("tickNanos")).longValue() > 0);
            }
        }
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=3",
                "--unthrottled", "--ticks", "5", "--watch", "off")) {
            assertEquals(0, e.awaitExit());
            assertTrue(e.events("tick").isEmpty());
        }
    }
}
