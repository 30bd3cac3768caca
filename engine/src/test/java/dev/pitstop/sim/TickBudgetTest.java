package dev.pitstop.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates each under their budget cannot add up to a frozen tick. */
class TickBudgetTest {

    @TempDir
    Path dir;

    @Test
    void manyUpdatesJustUnderTheBudgetStillStopForTheTick() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f").replace("self.setVelocity(SPEED, 0f);",
                "float acc = 0f; for (int k = 0; k < 8000; k++) { acc += k * 0.5f; } self.setVelocity(SPEED + acc * 0f, 0f);"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=100",
                "--budget", "10000", "--stats-every", "5")) {
            Event fault = e.await(0, ev -> ev.type().equals("fault")
                    && String.valueOf(ev.get("error")).contains("used up its behaviour's share of this tick"), "tick budget fault");
            assertTrue(String.valueOf(fault.get("error")).endsWith(" at t/Mover.java:12"), "names the loop: " + fault.toJson());
            e.awaitStats(e.mark(), fault.tick() + 10); // and the game goes on
        }
    }
}
