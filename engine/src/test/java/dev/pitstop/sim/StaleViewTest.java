package dev.pitstop.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.Javac;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import dev.pitstop.testing.Stats;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view kept by a script and used in a later update, against a running engine with the sandbox and
 * budget on: the use changes nothing and the update faults at the script line, which the script
 * cannot swallow.
 */
class StaleViewTest {

    static final String KEEPER = """
            package t;

            import dev.pitstop.api.*;

            public class Keeper implements Behaviour {
                static Agent kept;

                @Override
                public void update(Agent self, World world) {
                    if (kept == null) {
                        kept = self;
                    }
                    if (world.tick() > 0) {
                        try {
                            kept.setVelocity(99f, 0f);
                        } catch (Throwable swallowed) {
                            self.setVelocity(50f, 0f);
                        }
                    }
                    self.setVelocity(1f, 0f);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void anAgentKeptFromAnEarlierTickChangesNothingAndFaultsAtItsLine() throws Exception {
        Scripts.write(dir, "t/Keeper.java", KEEPER);
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Keeper=5",
                "--stats-every", "5")) {
            Event fault = e.await(0, "fault");
            String error = String.valueOf(fault.get("error"));
            assertEquals("Keeper", fault.get("behaviour"));
            assertTrue(error.startsWith("dev.pitstop.guard.BudgetExceeded: stopped: the Agent handed to an earlier "
                    + "update (tick 0, entity "), error);
            assertTrue(error.contains(") was used in the update of entity "), error);
            // Caught as a Throwable, it is thrown again at the catch handler: the script cannot go on.
            int line = Javac.lineOf(KEEPER, "} catch (Throwable swallowed) {");
            assertTrue(error.endsWith(" at t/Keeper.java:" + line), error);
            // Every update after tick 0 faults, so nothing it asked for took effect: neither the kept
            // Agent's 99 nor the fallback 50; tick 0's own velocity stays.
            Event stats = e.awaitStats(e.mark(), fault.tick() + 5);
            assertEquals(1.0, Stats.meanSpeed(stats, "Keeper"), 1e-4);
        }
    }
}
