package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import dev.pitstop.testing.Stats;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shadow run with the sandbox and budget on (the defaults): the live game never meets a runaway. */
class ShadowRunTest {

    @TempDir
    Path dir;

    @Test
    void anInfiniteLoopIsStoppedInTheShadowRunAndNeverGoesLive() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=20",
                "--stats-every", "5")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f").replace("self.setVelocity(SPEED, 0f);",
                    "while (n > 0) { n = n + 1; }"));
            Event rejected = e.await(m, "rejected");
            assertEquals("shadow", rejected.get("reason"));
            @SuppressWarnings("unchecked")
            Map<String, Object> d = ((List<Map<String, Object>>) rejected.get("diagnostics")).get(0);
            assertEquals("t/Mover.java", d.get("file"));
            assertEquals(12L, ((Number) d.get("line")).longValue());
            Stats.awaitSpeed(e, e.mark(), "Mover", 2);
            assertEquals(0, e.events("fault").size(), "the live game saw no fault");
        }
    }

    @Test
    void theShadowRunSeesTheLiveWorldsMemory() throws Exception {
        // Generation 2 throws only for entities whose memory says they have lived 30 updates or more:
        // only a shadow run on a copy of the live world (memory included) can meet that.
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=20",
                "--stats-every", "5")) {
            e.awaitStats(0, 40);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f").replace("self.setVelocity(SPEED, 0f);",
                    "if (n > 30) throw new IllegalStateException(\"old entity\"); self.setVelocity(SPEED, 0f);"));
            Event rejected = e.await(m, "rejected");
            assertEquals("shadow", rejected.get("reason"));
            assertTrue(rejected.toJson().contains("old entity"), rejected.toJson());
        }
    }
}
