package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.Javac;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import dev.pitstop.testing.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Script code that never returns off the game thread, against a running engine: trusted scripts
 * (no budget at all) whose static initializer or update waits for ever, as far as the engine can
 * tell. The attempt is rejected once the deadline passes, the stuck thread is reported and left
 * behind, and the next save goes live; the engine still stops cleanly. The scripts wait while a
 * file of the test's exists, which goes when the test ends (or its folder is cleaned up), so that
 * no stuck thread outlives the test.
 */
class DeadlineTest {

    @TempDir
    Path dir;

    private Path hold;

    /** A line that waits until the test lets go; to the engine, a loop that never ends. */
    private String waitForever() {
        String path = hold.toString().replace("\\", "\\\\");
        return "while (java.nio.file.Files.exists(java.nio.file.Path.of(\"" + path + "\"))) { "
                + "try { Thread.sleep(5); } catch (InterruptedException e) { } }";
    }

    @AfterEach
    void letGo() throws IOException {
        if (hold != null) {
            Files.deleteIfExists(hold);
        }
    }

    private void prepare() throws IOException {
        hold = Files.writeString(dir.resolve("hold"), "stuck until this file goes");
    }

    private Path scripts() throws IOException {
        Path root = dir.resolve("scripts");
        Files.createDirectories(root);
        return root;
    }

    @Test
    void anEndlessStaticInitializerIsRejectedAfterTheDeadlineAndTheNextSaveGoesLive() throws Exception {
        prepare();
        Path root = scripts();
        Scripts.write(root, "t/Mover.java", Scripts.mover("Mover", "2f"));
        String endless = """
                package t;

                import dev.pitstop.api.*;

                public class Mover implements Behaviour {
                    static final float SPEED = start();

                    static float start() {
                        %s
                        return 3f;
                    }

                    @Override
                    public void update(Agent self, World world) {
                        self.setVelocity(SPEED, 0f);
                    }
                }
                """.formatted(waitForever());
        RunningEngine e = RunningEngine.headless("--scripts", root.toString(), "--spawn", "Mover=3",
                "--stats-every", "5", "--trust-scripts");
        try {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(root, "t/Mover.java", endless);
            Event rejected = e.await(m, "rejected");
            assertEquals("verify", rejected.get("reason"), rejected.toString());
            Map<String, Object> d = HotReloadTest.diagnostics(rejected).get(0);
            assertEquals("t/Mover.java", d.get("file"), rejected.toString());
            assertEquals((long) Javac.lineOf(endless, "Thread.sleep"), ((Number) d.get("line")).longValue(),
                    rejected.toString());
            assertTrue(String.valueOf(d.get("message")).startsWith(
                    "a static initializer or constructor did not finish within " + ScriptWorker.DEADLINE_MILLIS + " ms"),
                    rejected.toString());
            stuckThreadReported(e, m, "t/Mover.java:" + Javac.lineOf(endless, "Thread.sleep"));
            Stats.awaitSpeed(e, e.mark(), "Mover", 2); // the old code ran on all along

            aGoodSaveStillGoesLiveAndTheEngineStops(e, root);
        } finally {
            e.close();
        }
    }

    @Test
    void anEndlessShadowRunIsRejectedAfterTheDeadlineAndTheNextSaveGoesLive() throws Exception {
        prepare();
        aStuckRunIsRejectedAndTheNextSaveGoesLive(waitForever(), "the shadow run did not finish within ");
    }

    @Test
    void anEndlessWarmUpAfterAShadowRunThatPassedIsRejectedAsTheWarmUp() throws Exception {
        // The shadow run and the warm-up are handed to the script thread together: the one stuck
        // is told by its thread's name, and each has a deadline of its own.
        prepare();
        aStuckRunIsRejectedAndTheNextSaveGoesLive("if (Thread.currentThread().getName().equals(\"" + WarmUp.THREAD_NAME
                + "\")) { " + waitForever() + " }", "the warm-up run of the new code did not finish within ");
    }

    /**
     * Saves a Mover whose update runs {@code stuck} first: the save is rejected (reason shadow)
     * with {@code message} and the deadline, at the line it was stuck on; the thread is reported,
     * the old code runs on and the next save goes live.
     */
    private void aStuckRunIsRejectedAndTheNextSaveGoesLive(String stuck, String message) throws Exception {
        Path root = scripts();
        Scripts.write(root, "t/Mover.java", Scripts.mover("Mover", "2f"));
        String endless = Scripts.mover("Mover", "2f").replace("self.setVelocity(SPEED, 0f);",
                stuck + " self.setVelocity(SPEED, 0f);");
        RunningEngine e = RunningEngine.headless("--scripts", root.toString(), "--spawn", "Mover=3",
                "--stats-every", "5", "--trust-scripts");
        try {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(root, "t/Mover.java", endless);
            Event rejected = e.await(m, "rejected");
            assertEquals("shadow", rejected.get("reason"), rejected.toString());
            Map<String, Object> d = HotReloadTest.diagnostics(rejected).get(0);
            assertEquals("t/Mover.java", d.get("file"), rejected.toString());
            assertEquals((long) Javac.lineOf(endless, "Thread.sleep"), ((Number) d.get("line")).longValue(),
                    rejected.toString());
            assertTrue(String.valueOf(d.get("message")).startsWith(message + ScriptWorker.DEADLINE_MILLIS + " ms"),
                    rejected.toString());
            stuckThreadReported(e, m, "t/Mover.java:" + Javac.lineOf(endless, "Thread.sleep"));
            Stats.awaitSpeed(e, e.mark(), "Mover", 2);

            aGoodSaveStillGoesLiveAndTheEngineStops(e, root);
        } finally {
            e.close();
        }
    }

    @Test
    void anEndlessStaticInitializerInGenerationOneStopsTheStartWithTheLine() throws Exception {
        prepare();
        Path root = scripts();
        String endless = Scripts.mover("Mover", "start()").replace("    @Override", """
                    static float start() {
                        %s
                        return 3f;
                    }

                    @Override""".formatted(waitForever()));
        Scripts.write(root, "t/Mover.java", endless);
        try (RunningEngine e = RunningEngine.headless("--scripts", root.toString(), "--spawn", "Mover=3",
                "--trust-scripts")) {
            assertNotEquals(0, e.awaitExit());
            String line = "t/Mover.java:" + Javac.lineOf(endless, "Thread.sleep");
            assertTrue(e.stderr().contains(line + " a static initializer or constructor did not finish within "
                    + ScriptWorker.DEADLINE_MILLIS + " ms"), e.stderr());
        }
    }

    /** A warning names the thread left behind and the script line it was stuck on. */
    private static void stuckThreadReported(RunningEngine e, int from, String at) {
        Event warning = e.await(from, w -> w.type().equals("warning") && w.get("thread") != null, "stuck thread warning");
        assertTrue(String.valueOf(warning.get("thread")).startsWith("pitstop-scripts-"), warning.toString());
        assertTrue(String.valueOf(warning.get("message")).contains(" at " + at), warning.toString());
    }

    /** With a thread still stuck: the next save swaps in, and quitting stops the engine cleanly. */
    private void aGoodSaveStillGoesLiveAndTheEngineStops(RunningEngine e, Path root) throws Exception {
        int m = e.mark();
        Scripts.write(root, "t/Mover.java", Scripts.mover("Mover", "5f"));
        Event swap = e.await(m, "swap");
        assertEquals(5.0, Stats.meanSpeed(e.awaitStats(m, swap.tick()), "Mover"), 1e-4);
        assertTrue(Files.exists(hold), "the stuck thread is still waiting");
        e.send("quit");
        assertEquals(0, e.awaitExit());
        e.await(m, "stop");
    }
}
