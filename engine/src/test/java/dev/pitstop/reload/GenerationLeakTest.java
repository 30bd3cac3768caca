package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of reloads, then GC: only the generations the engine keeps on purpose (its history)
 * may still have a live class loader, and Metaspace comes back near where it started.
 */
class GenerationLeakTest {

    static final int RELOADS = 500;

    @TempDir
    Path dir;

    @Test
    void retiredGenerationsAreCollected() throws Exception {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        java.nio.file.Files.createDirectories(out);
        for (int i = 0; i < 8; i++) {
            Scripts.write(src, "t/M" + i + ".java", Scripts.mover("M" + i, i + ".5f")
                    .replace("self.setVelocity(SPEED, 0f);", "java.util.List<Float> l = java.util.List.of(SPEED);"
                            + " self.setVelocity(l.get(0), (float) l.stream().mapToDouble(f -> f).sum());"
                            + " world.log(\"speed \" + SPEED);"));
        }
        ClassFilesModeTest.ideCompile(src, out);
        try (RunningEngine e = RunningEngine.headless("--script-classes", out.toString(), "--watch", "off",
                "--unthrottled", "--spawn", "M1=20", "--spawn", "M7=20", "--stats-every", "1000")) {
            e.await(0, "start");
            // Warm up so the class and code caches of the first reloads do not count as growth.
            reload(e, 20);
            long metaspaceBefore = metaspaceAfterGc();
            reload(e, RELOADS);
            long metaspaceAfter = metaspaceAfterGc();

            List<Integer> alive = LoaderCensus.alive();
            int newest = alive.isEmpty() ? 0 : alive.get(alive.size() - 1);
            // Kept on purpose: the history's generations, and generation 1, whose behaviour instances
            // every later generation reuses (their code never changed, so it stays JIT-warm).
            assertTrue(alive.size() <= GenerationHistory.DEFAULT_CAPACITY + 2,
                    "only the kept generations stay alive, found " + alive.size() + ": " + alive);
            assertTrue(alive.stream().allMatch(g -> g == 1 || g > newest - GenerationHistory.DEFAULT_CAPACITY - 1),
                    "the live ones are the newest (and generation 1): " + alive);
            // Shadow runs load every version a second time: those copies go too, but for the one
            // whose instances later shadow runs reuse (no behaviour changes here) and the newest.
            List<Integer> shadowCopies = LoaderCensus.aliveShadowCopies();
            assertTrue(shadowCopies.size() <= 2, "only the reused shadow copy stays alive, found " + shadowCopies);
            long growthBytes = metaspaceAfter - metaspaceBefore;
            assertTrue(growthBytes < 8L << 20, "Metaspace grew by " + (growthBytes >> 10) + " KiB over " + RELOADS
                    + " reloads (" + (metaspaceBefore >> 10) + " → " + (metaspaceAfter >> 10) + " KiB)");
        }
    }

    private static void reload(RunningEngine e, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            int m = e.mark();
            e.send("reload");
            e.await(m, "swap");
        }
    }

    private static long metaspaceAfterGc() throws InterruptedException {
        MemoryPoolMXBean pool = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals("Metaspace")).findFirst().orElseThrow();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50); // let reference processing and class unloading finish
            used = Math.min(used, pool.getUsage().getUsed());
        }
        return used;
    }
}
