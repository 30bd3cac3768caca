package dev.pitstop.reload;

import static dev.pitstop.testing.Stats.awaitSpeed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up of the reload path after the start: it runs, says how it went, and leaves the first
 * save as little to do cold as every later one (its shadow copy of generation 1 becomes that
 * save's lineage), without changing what the save makes live.
 */
class PathWarmUpTest {

    @TempDir
    Path dir;

    private static int field(Event e, String name) {
        return ((Number) e.get(name)).intValue();
    }

    @Test
    void theFirstSaveAfterTheWarmUpMakesOnlyTheEditedBehaviourAnewInTheShadowCopyAndLive() throws Exception {
        Scripts.write(dir, "t/A.java", Scripts.mover("A", "1f"));
        Scripts.write(dir, "t/B.java", Scripts.mover("B", "2f"));
        Scripts.write(dir, "t/C.java", Scripts.mover("C", "3f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "A=3", "--spawn", "B=3",
                "--spawn", "C=3", "--stats-every", "5")) {
            Event warmed = e.await(0, "warmed");
            assertTrue(field(warmed, "rounds") >= 1, warmed.toString());

            int m = e.mark();
            Scripts.write(dir, "t/B.java", Scripts.mover("B", "5f"));
            Event swap = e.await(m, "swap");
            assertEquals(List.of("B"), swap.get("changed"));
            Event loaded = e.await(m, x -> x.type().equals("reload") && "loaded".equals(x.get("phase"))
                    && x.get("generation").equals(swap.get("toGeneration")), "the first save's loaded phase");
            assertEquals(1, field(loaded, "shadowNew"), "A and C are the warm-up's shadow instances: " + loaded);
            assertEquals(1, field(loaded, "liveNew"), "A and C keep their live instances: " + loaded);
            awaitSpeed(e, m, "B", 5);
            awaitSpeed(e, m, "A", 1);
            awaitSpeed(e, m, "C", 3);

            m = e.mark();
            Scripts.write(dir, "t/C.java", Scripts.mover("C", "6f"));
            e.await(m, "swap");
            awaitSpeed(e, m, "C", 6);
            awaitSpeed(e, m, "B", 5);
            assertEquals(List.of(), e.events("rejected"));
        }
    }
}
