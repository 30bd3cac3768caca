package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotReloadTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static double meanSpeed(Event stats, String behaviour) {
        Map<String, Object> b = (Map<String, Object>) ((Map<String, Object>) stats.get("behaviours")).get(behaviour);
        return ((Number) b.get("meanSpeed")).doubleValue();
    }

    @Test
    void editSwapsCompileErrorKeepsOldCodeFixSwapsAgain() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=10",
                "--stats-every", "10")) {
            Event start = e.await(0, "start");
            assertEquals(List.of("Mover"), start.get("behaviours"));
            assertEquals(2.0, meanSpeed(e.awaitStats(0, 0), "Mover"), 1e-4);

            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "5f"));
            Event swap = e.await(m, "swap");
            assertEquals(List.of("Mover"), swap.get("changed"));
            assertEquals(2, swap.get("toGeneration"));
            assertEquals(5.0, meanSpeed(e.awaitStats(m, swap.tick()), "Mover"), 1e-4);

            m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "5f").replace("setVelocity(SPEED, 0f);", "setVelocity(SPEED 0f);"));
            Event rejected = e.await(m, "rejected");
            assertEquals("compile", rejected.get("reason"));
            List<Map<String, Object>> diagnostics = (List<Map<String, Object>>) rejected.get("diagnostics");
            assertEquals("t/Mover.java", diagnostics.get(0).get("file"));
            assertTrue(((Number) diagnostics.get(0).get("line")).longValue() > 0);
            assertEquals(5.0, meanSpeed(e.awaitStats(m, rejected.tick()), "Mover"), 1e-4);

            m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "7f"));
            Event fixed = e.await(m, "swap");
            assertEquals(4, fixed.get("toGeneration"), "the rejected attempt took number 3");
            assertEquals(7.0, meanSpeed(e.awaitStats(m, fixed.tick()), "Mover"), 1e-4);
        }
    }
}
