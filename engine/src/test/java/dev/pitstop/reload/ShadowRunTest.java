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

    @Test
    void anEditThatBreaksOnlyWithAllOfItsEntitiesMeetsThemAllInTheShadowRun() throws Exception {
        // 40 Crowd entities among 2,040: an even sample of the world (512, every fourth entity) holds
        // 10 of them, and the new Crowd keeps 16 places a tick. The shadow run's copy is weighted to
        // the behaviour the edit changed: all 40 are in it, and the fault shows there, not live.
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        Scripts.write(dir, "t/Crowd.java", Scripts.mover("Crowd", "3f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2000",
                "--spawn", "Crowd=40", "--stats-every", "5")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(dir, "t/Crowd.java", """
                    package t;

                    import dev.pitstop.api.*;

                    public class Crowd implements Behaviour {
                        static final float[] PLACES = new float[16];
                        static long tick = -1;
                        static int taken;

                        @Override
                        public void update(Agent self, World world) {
                            if (world.tick() != tick) {
                                tick = world.tick();
                                taken = 0;
                            }
                            PLACES[taken++] = self.position().x();
                            self.setVelocity(3f, 0f);
                        }
                    }
                    """);
            Event rejected = e.await(m, "rejected");
            assertEquals("shadow", rejected.get("reason"), rejected.toJson());
            assertTrue(rejected.toJson().contains("ArrayIndexOutOfBounds"), rejected.toJson());
            assertEquals(0, e.events("fault").size(), "the live game saw no fault");
            assertEquals(0, e.events("swap").size());
        }
    }
}
