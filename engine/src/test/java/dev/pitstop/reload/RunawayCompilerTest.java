package dev.pitstop.reload;

import static dev.pitstop.reload.CompilerProcessTest.onlyServer;
import static dev.pitstop.reload.CompilerProcessTest.servers;
import static dev.pitstop.testing.Stats.awaitSpeed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.Cli;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import dev.pitstop.testing.Stats;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac runs in a process of its own: a script that makes it run away costs that process, not the
 * game, and a compile process that dies or is killed is replaced without the game noticing.
 */
class RunawayCompilerTest {

    @TempDir
    Path dir;

    /**
     * Sixteen try/finally blocks, each in the one before's finally: javac copies a finally block
     * into every way out of its try, so the innermost statement is generated 2^16 times over. Run in
     * the engine's JVM, javac took 6 GiB of heap and over 30 s on it before giving up ("code too
     * large"); in 384 MiB it runs out of memory.
     */
    static String bomb(String name) {
        String body = "n++;";
        for (int i = 0; i < 16; i++) {
            body = "try { n += " + i + "; } finally { " + body + " }";
        }
        return """
                package t;

                import dev.pitstop.api.*;

                public class %s implements Behaviour {
                    @Override
                    public void update(Agent self, World world) {
                        int n = 0;
                        %s
                        self.setVelocity(n, 0f);
                    }
                }
                """.formatted(name, body);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aCompileThatRunsAwayIsRejectedWhileTheGameTicksAndTheNextSaveSwaps() throws Exception {
        Scripts.write(dir, "t/Good.java", Scripts.mover("Good", "3f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Good=4",
                "--stats-every", "5")) {
            awaitSpeed(e, 0, "Good", 3);
            long heapBefore = usedHeapAfterGc();

            int m = e.mark();
            Scripts.write(dir, "t/Good.java", bomb("Good"));
            Event rejected = e.await(m, "rejected");
            assertEquals("compile", rejected.get("reason"));
            List<Map<String, Object>> diagnostics = HotReloadTest.diagnostics(rejected);
            assertEquals(1, diagnostics.size(), diagnostics.toString());
            assertEquals("t/Good.java", diagnostics.get(0).get("file"));
            String message = String.valueOf(diagnostics.get(0).get("message"));
            assertTrue(message.startsWith("the compiler gave up: "), message);

            Event later = e.awaitStats(m, rejected.tick() + 10);
            assertTrue(later.tick() > rejected.tick(), "the game ticked on");
            assertEquals(3.0, Stats.meanSpeed(later, "Good"), 1e-4, "the old code runs on");
            long grown = usedHeapAfterGc() - heapBefore;
            assertTrue(grown < 256L << 20, "the game's heap grew by " + (grown >> 20) + " MiB");

            m = e.mark();
            Scripts.write(dir, "t/Good.java", Scripts.mover("Good", "7f"));
            Event swap = e.await(m, "swap");
            assertEquals(List.of("Good"), swap.get("changed"));
            awaitSpeed(e, m, "Good", 7);
        }
    }

    @Test
    void aCompileProcessKilledFromOutsideIsReplacedAndTheNextSaveSwaps() throws Exception {
        Scripts.write(dir, "t/Good.java", Scripts.mover("Good", "3f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Good=4",
                "--stats-every", "5", "--compile-daemon", "off")) {
            awaitSpeed(e, 0, "Good", 3);
            ProcessHandle server = onlyServer();
            server.destroyForcibly();
            server.onExit().get(1, TimeUnit.MINUTES);

            int m = e.mark();
            Scripts.write(dir, "t/Good.java", Scripts.mover("Good", "6f"));
            e.await(m, "swap");
            awaitSpeed(e, m, "Good", 6);
            assertEquals(List.of(), e.events("rejected"));
        }
    }

    @Test
    void noCompileProcessOutlivesTheEngineNorAFailedStart() throws Exception {
        Scripts.write(dir, "t/Good.java", Scripts.mover("Good", "3f"));
        ProcessHandle server;
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Good=4",
                "--compile-daemon", "off")) {
            e.await(0, "start");
            server = onlyServer();
        }
        assertFalse(server.isAlive());
        assertEquals(List.of(), servers());

        Cli unknown = Cli.run("run", "--headless", "--scripts", dir.toString(), "--spawn", "Nobody=1", "--ticks", "1",
                "--compile-daemon", "off");
        assertEquals(2, unknown.exit, unknown.toString());
        assertTrue(unknown.err.contains("unknown behaviour 'Nobody'"), unknown.toString());
        assertEquals(List.of(), servers(), "after a command line refused once the scripts were built");

        Scripts.write(dir, "t/Broken.java", "package t;\nclass Broken {\n");
        Cli broken = Cli.run("run", "--headless", "--scripts", dir.toString(), "--ticks", "1", "--compile-daemon", "off");
        assertEquals(2, broken.exit, broken.toString());
        assertTrue(broken.err.contains("t/Broken.java:"), broken.toString());
        assertEquals(List.of(), servers(), "after scripts that do not compile");
        Files.delete(dir.resolve("t/Broken.java"));
    }

    @Test
    void classFilesNeedNoCompileProcess() throws Exception {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        Scripts.write(src, "t/Good.java", Scripts.mover("Good", "3f"));
        ClassFilesModeTest.ideCompile(src, out);
        try (RunningEngine e = RunningEngine.headless("--script-classes", out.toString(), "--spawn", "Good=4",
                "--stats-every", "5")) {
            awaitSpeed(e, 0, "Good", 3);
            assertEquals(List.of(), servers());
        }
    }
}
