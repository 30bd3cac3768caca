package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import dev.pitstop.testing.Stats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version that keeps what it allocates in a static field, each update within its budget and
 * each tick within its behaviour's allocation share, is let go by the heap watch before it
 * threatens the game: rolled back, its classes released, the heap back where it was.
 */
class MemoryHoardTest {

    @TempDir
    Path dir;

    private static final String HOARDER = """
            package t;

            import dev.pitstop.api.*;
            import java.util.ArrayList;
            import java.util.List;

            public class Mover implements Behaviour {
                static final List<long[]> HOARD = new ArrayList<>();

                @Override
                public void update(Agent self, World world) {
                    HOARD.add(new long[125_000]);
                    self.setVelocity(HOARD.isEmpty() ? 0f : 5f, 0f);
                }
            }
            """;

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void aVersionHoardingInAStaticIsLetGoAndItsMemoryReleased() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=8",
                "--stats-every", "10", "--shadow-ticks", "0")) {
            e.awaitStats(0, 10);
            long before = usedAfterGc();
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", HOARDER);
            Event swap = e.await(m, "swap");
            Event rollback = e.await(m, ev -> ev.type().equals("rollback") && ev.tick() > swap.tick(), "a rollback");
            String reason = String.valueOf(rollback.get("reason"));
            assertTrue(reason.contains("what the heap keeps grew at every collection"), reason);
            assertEquals(1, rollback.get("toGeneration"), rollback.toJson());
            Stats.awaitSpeed(e, e.mark(), "Mover", 2);
            long growth = usedAfterGc() - before;
            System.out.println("[memory] heap growth after the hoarder was let go: " + (growth >> 20) + " MiB");
            assertTrue(growth < 256L << 20, "the hoard is released: " + (growth >> 20) + " MiB kept");
        }
    }
}
