package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LevelReloadTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static int count(Event stats, String behaviour) {
        Object b = ((Map<String, Object>) stats.get("behaviours")).get(behaviour);
        return b == null ? 0 : ((Number) ((Map<String, Object>) b).get("count")).intValue();
    }

    @Test
    void headlessRunsTheLevelsWavesAndTakesASavedLevel() throws Exception {
        Path scripts = dir.resolve("scripts");
        Scripts.write(scripts, "t/Mover.java", Scripts.mover("Mover", "1f"));
        Scripts.write(scripts, "t/Other.java", Scripts.mover("Other", "2f"));
        Path level = dir.resolve("test.level");
        Files.writeString(level, "wave 0 Mover=3\nwave 1000 Mover=1\n");
        try (RunningEngine e = RunningEngine.headless("--scripts", scripts.toString(), "--level", level.toString(),
                "--stats-every", "5")) {
            assertEquals(3, count(e.awaitStats(0, 1), "Mover"), "the first wave came at once");

            int m = e.mark();
            Files.writeString(level, "wave 0 Mover=3\nwave 0 Other=2   # changed\n");
            Event loaded = e.await(m, "level");
            assertEquals(2, loaded.get("waves"));
            Event stats = e.await(m, s -> s.type().equals("stats") && count(s, "Other") == 2, "stats with Other");
            assertEquals(3, count(stats, "Mover"), "waves already started stay started");

            m = e.mark();
            Files.writeString(level, "wave 0 Mover=3\nwave 1 Ghost=2\n");
            Event error = e.await(m, "error");
            assertEquals(level + ":2: unknown behaviour 'Ghost'; known: Mover, Other (the old waves stay)",
                    error.get("message"));
        }
    }

    @Test
    void aBrokenLevelStopsTheStartWithFileAndLine() throws Exception {
        Path scripts = dir.resolve("scripts");
        Scripts.write(scripts, "t/Mover.java", Scripts.mover("Mover", "1f"));
        Path level = dir.resolve("bad.level");
        Files.writeString(level, "# waves\nwave 1 Mover=x\n");
        try (RunningEngine e = RunningEngine.headless("--scripts", scripts.toString(), "--level", level.toString())) {
            assertEquals(2, e.awaitExit());
            assertTrue(e.stderr().contains("pitstop: " + level + ":2: COUNT 'x' of Mover is not a whole number"),
                    e.stderr());
        }
    }

    @Test
    void spawnTurnsTheWavesOff() throws Exception {
        Path scripts = dir.resolve("scripts");
        Scripts.write(scripts, "t/Mover.java", Scripts.mover("Mover", "1f"));
        Path level = dir.resolve("test.level");
        Files.writeString(level, "wave 0 Mover=3\n");
        try (RunningEngine e = RunningEngine.headless("--scripts", scripts.toString(), "--level", level.toString(),
                "--spawn", "Mover=1")) {
            assertEquals(2, e.awaitExit());
            assertTrue(e.stderr().contains("--level and --spawn exclude each other"), e.stderr());
        }
        try (RunningEngine e = RunningEngine.headless("--scripts", scripts.toString(), "--spawn", "Mover=1",
                "--stats-every", "5")) {
            Event stats = e.awaitStats(0, 10);
            assertEquals(1, count(stats, "Mover"));
        }
    }
}
