package dev.pitstop.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.Cli;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Looped live editing through the public surface: stdin commands, events, files. */
class LoopedEditingTest {

    @TempDir
    Path dir;

    /** Wanders with the world's random source, keeps memory, shoots at the player now and then. */
    static String wanderer(String turn) {
        return """
                package t;

                import dev.pitstop.api.*;

                public class Wanderer implements Behaviour {
                    static final float TURN = %s;

                    @Override
                    public void update(Agent self, World world) {
                        float heading = self.memory().getFloat("heading", world.random() * 6.28f);
                        heading += (world.random() - 0.5f) * TURN;
                        self.memory().putFloat("heading", heading);
                        int n = self.memory().getInt("n", 0) + 1;
                        self.memory().putInt("n", n);
                        self.setVelocity((float) Math.cos(heading) * 80f, (float) Math.sin(heading) * 80f);
                        if (n %% 40 == 0) {
                            self.fire(world.playerPosition().x() - self.position().x(),
                                    world.playerPosition().y() - self.position().y());
                        }
                    }
                }
                """.formatted(turn);
    }

    private List<Event> awaitLoops(RunningEngine e, int from, int count) {
        for (int i = 0; i < count; i++) {
            final int want = i;
            e.await(from, ev -> ev.type().equals("loop") && e.events("loop").stream()
                    .filter(l -> e.events().indexOf(l) >= from).count() > want, "loop pass " + (i + 1));
        }
        return e.events().subList(from, e.events().size()).stream().filter(ev -> ev.type().equals("loop")).toList();
    }

    private static Set<Object> checksums(List<Event> loops) {
        Set<Object> s = new HashSet<>();
        loops.forEach(l -> s.add(l.get("checksum")));
        return s;
    }

    @Test
    void everyPassEndsWithTheSameChecksumAndAReloadTakesEffectAtOnce() throws Exception {
        Scripts.write(dir, "t/Wanderer.java", wanderer("0.4f"));
        // Real time at 240 Hz: the loop is a few dozen ticks long, and quick to replay.
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Wanderer=200",
                "--hz", "240", "--stats-every", "8")) {
            e.await(0, "start");
            int m = e.mark();
            e.send("input 1 0.5 900 100 1");
            e.send("loop-start");
            Event marked = e.await(m, "loop-marked");
            e.awaitStats(m, (long) marked.get("startTick") + 16);
            m = e.mark();
            e.send("input -1 0 100 600 0");
            e.awaitStats(m, e.events("stats").get(e.events("stats").size() - 1).tick() + 16);
            m = e.mark();
            e.send("loop-end");
            Event closed = e.await(m, "loop-closed");
            assertTrue((long) closed.get("endTick") > (long) marked.get("startTick"));

            List<Event> passes = awaitLoops(e, m, 10);
            assertEquals(10, passes.size());
            for (int i = 0; i < 10; i++) {
                assertEquals(i + 1, passes.get(i).get("iteration"));
                assertEquals(closed.get("endTick"), passes.get(i).tick(), "each pass ends at the loop's end");
            }
            assertEquals(1, checksums(passes).size(), "same scripts, same input: same checksum every pass");
            Object before = passes.get(0).get("checksum");

            m = e.mark();
            Scripts.write(dir, "t/Wanderer.java", wanderer("1.5f"));
            e.await(m, "swap");
            int afterSwap = e.mark();
            List<Event> edited = awaitLoops(e, afterSwap, 3);
            // The pass the swap landed in is mixed; the next ones run the new code from the start.
            assertEquals(1, checksums(edited.subList(1, 3)).size());
            assertNotEquals(before, edited.get(2).get("checksum"), "the new code plays the same moment differently");

            m = e.mark();
            e.send("loop-off");
            e.await(m, "loop-off");
        }
    }

    @Test
    void abSwitchesAmongKeptGenerationsWithoutRecompiling() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=3",
                "--stats-every", "5")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "6f"));
            e.await(m, "swap");
            m = e.mark();
            e.send("generation 1");
            Event sw = e.await(m, "swap");
            assertEquals("switch", sw.get("kind"));
            assertEquals(1, sw.get("toGeneration"));
            assertEquals(0, e.events("reload").stream().filter(r -> e.events().indexOf(r) >= 0
                    && ((Number) r.get("generation")).intValue() > 2).count(), "nothing was compiled");
            dev.pitstop.testing.Stats.awaitSpeed(e, m, "Mover", 2);
            m = e.mark();
            e.send("generation 2");
            e.await(m, "swap");
            dev.pitstop.testing.Stats.awaitSpeed(e, m, "Mover", 6);
            m = e.mark();
            e.send("generation 99");
            assertTrue(String.valueOf(e.await(m, "error").get("message")).contains("not kept"));
        }
    }

    @Test
    void aRecordingReplaysToTheSameChecksum() throws Exception {
        Scripts.write(dir, "t/Wanderer.java", wanderer("0.4f"));
        Path rec = dir.resolve("bug.rec");
        long endTick;
        String liveChecksum;
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Wanderer=150",
                "--hz", "240", "--record", rec.toString(), "--stats-every", "8")) {
            e.await(0, "start");
            int m = e.mark();
            e.send("input 1 0 1200 700 1");
            e.awaitStats(m, 30);
            m = e.mark();
            e.send("input 0 -1 10 10 1");
            e.awaitStats(m, 60);
            e.close();
            Event last = e.events("stats").get(e.events("stats").size() - 1);
            endTick = last.tick();
            liveChecksum = (String) last.get("checksum");
        }
        assertTrue(Files.size(rec) > 0);
        Cli replay = Cli.run("run", "--headless", "--scripts", dir.toString(), "--replay", rec.toString(), "--ticks",
                Long.toString(endTick), "--unthrottled");
        assertEquals(0, replay.exit, replay.toString());
        assertTrue(replay.out.contains("final checksum " + liveChecksum + " at tick " + endTick), replay.toString());

        Scripts.write(dir, "t/Wanderer.java", wanderer("0.9f"));
        Cli other = Cli.run("run", "--headless", "--scripts", dir.toString(), "--replay", rec.toString(), "--ticks",
                Long.toString(endTick), "--unthrottled");
        assertTrue(other.err.contains("other scripts") && other.err.contains("t/Wanderer.java"), other.toString());
    }

    @Test
    void aBadRecordingIsOneLineAndExitTwo() throws Exception {
        Scripts.write(dir, "t/Wanderer.java", wanderer("0.4f"));
        Path bad = dir.resolve("bad.rec");
        Files.writeString(bad, "not a recording at all");
        Cli r = Cli.run("run", "--headless", "--scripts", dir.toString(), "--replay", bad.toString());
        assertEquals(2, r.exit);
        assertEquals(1, r.err.strip().lines().count(), r.toString());
    }
}
