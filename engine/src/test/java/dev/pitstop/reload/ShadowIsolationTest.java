package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import dev.pitstop.testing.Stats;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shadow runs share nothing with the live game, against a running engine: scripts that would reach
 * the live game through static fields of a behaviour whose code did not change (before, its live
 * instance and classes were the shadow run's too) meet only their own copies. Each test edits a
 * third, unrelated behaviour, so that the shadow runs happen while the live game runs the same
 * unchanged scripts on the game thread.
 */
class ShadowIsolationTest {

    /**
     * Keeps the views of its update in statics and acts through them only if another thread put
     * its own there in the meantime: never, alone, so it never moves and never logs. Shared with a
     * shadow run, the statics would hand it the live game's views (or the live game the shadow's).
     */
    static final String SPY = """
            package t;

            import dev.pitstop.api.*;

            public class Spy implements Behaviour {
                static Agent agent;
                static World world;
                static long spin;

                @Override
                public void update(Agent self, World w) {
                    agent = self;
                    world = w;
                    for (int i = 0; i < 2_000; i++) {
                        spin += i;
                    }
                    if (world != w) {
                        world.log("a World from another thread");
                    }
                    if (agent != self) {
                        agent.setVelocity(77f, 0f);
                    }
                }
            }
            """;

    /** Two synchronized lists in statics, as scripts may use them (the JDK's monitors are allowed). */
    static final String SHARED = """
            package t;

            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.List;

            public final class Shared {
                public static final List<Integer> A = Collections.synchronizedList(new ArrayList<>());
                public static final List<Integer> B = Collections.synchronizedList(new ArrayList<>());

                static {
                    for (int i = 0; i < 300; i++) {
                        A.add(i);
                        B.add(-1 - i);
                    }
                }
            }
            """;

    /** Holds {@code first}'s lock for a while and takes {@code second}'s three hundred times under it. */
    static String locker(String name, String first, String second) {
        return """
                package t;

                import dev.pitstop.api.*;

                public class %s implements Behaviour {
                    @Override
                    public void update(Agent self, World world) {
                        Shared.%s.removeIf(x -> Shared.%s.contains(x));
                        self.setVelocity(1f, 0f);
                    }
                }
                """.formatted(name, first, second);
    }

    @TempDir
    Path dir;

    @Test
    void aShadowRunsWritesNeverReachTheLiveWorldOrTheLiveLog() throws Exception {
        Scripts.write(dir, "t/Spy.java", SPY);
        Scripts.write(dir, "t/Other.java", Scripts.mover("Other", "1f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Spy=50",
                "--spawn", "Other=5", "--stats-every", "5")) {
            e.awaitStats(0, 0);
            for (int speed = 2; speed <= 4; speed++) {
                int m = e.mark();
                Scripts.write(dir, "t/Other.java", Scripts.mover("Other", speed + "f"));
                Event swap = e.await(m, "swap");
                assertEquals(List.of("Other"), swap.get("changed"));
                Stats.awaitSpeed(e, m, "Other", speed);
            }
            Event stats = e.awaitStats(e.mark(), 0);
            assertEquals(0.0, Stats.meanSpeed(stats, "Spy"), 0.0, "no live Spy was moved");
            assertEquals(List.of(), e.events("log"), "nothing reached the live log");
            assertTrue(e.events("fault").stream().noneMatch(f -> String.valueOf(f.get("error")).contains("another thread")),
                    "no view crossed between the threads: " + e.events("fault"));
        }
    }

    @Test
    void locksTakenInOppositeOrderByTheShadowRunAndTheLiveGameCannotDeadlock() throws Exception {
        Scripts.write(dir, "t/Shared.java", SHARED);
        Scripts.write(dir, "t/Lefty.java", locker("Lefty", "A", "B"));
        Scripts.write(dir, "t/Righty.java", locker("Righty", "B", "A"));
        Scripts.write(dir, "t/Other.java", Scripts.mover("Other", "1f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Lefty=2",
                "--spawn", "Righty=2", "--spawn", "Other=2", "--stats-every", "5")) {
            e.awaitStats(0, 0);
            for (int speed = 2; speed <= 3; speed++) {
                int m = e.mark();
                Scripts.write(dir, "t/Other.java", Scripts.mover("Other", speed + "f"));
                Event swap = e.await(m, "swap");
                // The game thread is not stuck on a lock: it goes on ticking past the swap.
                Event stats = e.awaitStats(m, swap.tick() + 5);
                assertEquals(speed, Stats.meanSpeed(stats, "Other"), 1e-4);
                assertEquals(1.0, Stats.meanSpeed(stats, "Lefty"), 1e-4);
            }
        }
    }
}
