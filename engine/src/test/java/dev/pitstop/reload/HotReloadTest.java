package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import static dev.pitstop.testing.Stats.awaitSpeed;
import static dev.pitstop.testing.Stats.behaviour;
import static dev.pitstop.testing.Stats.meanSpeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload end to end: real files in a temporary folder, a running headless engine, its events. */
class HotReloadTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> diagnostics(Event rejected) {
        return (List<Map<String, Object>>) rejected.get("diagnostics");
    }

    @Test
    void editSwapsCompileErrorKeepsOldCodeFixSwapsAgain() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=10",
                "--stats-every", "10")) {
            Event start = e.await(0, "start");
            assertEquals(List.of("Mover"), start.get("behaviours"));
            assertEquals(2.0, meanSpeed(e.awaitStats(0, 0), "Mover"), 1e-4);

            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "5f"));
            Event swap = e.await(m, "swap");
            assertEquals(List.of("Mover"), swap.get("changed"));
            assertEquals(2, swap.get("toGeneration"));
            assertTrue(((Number) swap.get("pauseMicros")).doubleValue() >= 0);
            assertEquals(5.0, meanSpeed(e.awaitStats(m, swap.tick()), "Mover"), 1e-4);
            List<String> phases = e.events("reload").stream().filter(r -> r.get("generation").equals(2))
                    .map(r -> (String) r.get("phase")).toList();
            assertEquals(List.of("detected", "compiled", "verified", "loaded", "shadow"), phases);

            m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "5f").replace("SPEED, 0f", "SPEED 0f"));
            Event rejected = e.await(m, "rejected");
            assertEquals("compile", rejected.get("reason"));
            assertEquals("t/Mover.java", diagnostics(rejected).get(0).get("file"));
            assertEquals(12L, ((Number) diagnostics(rejected).get(0).get("line")).longValue());
            assertEquals(5.0, meanSpeed(e.awaitStats(m, rejected.tick()), "Mover"), 1e-4, "old code runs on");

            m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "7f"));
            Event fixed = e.await(m, "swap");
            assertEquals(4, fixed.get("toGeneration"), "the rejected attempt took number 3");
            assertEquals(7.0, meanSpeed(e.awaitStats(m, fixed.tick()), "Mover"), 1e-4);
        }
    }

    @Test
    void memoryAndPositionsSurviveTheSwap() throws Exception {
        // Generation 1 counts updates in memory; generation 2 moves at a speed equal to that count.
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "0f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=5",
                "--stats-every", "5")) {
            Event before = e.awaitStats(0, 30);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "0f").replace("self.setVelocity(SPEED, 0f);",
                    "self.setVelocity(n, 0f);"));
            Event swap = e.await(m, "swap");
            Event after = e.awaitStats(m, swap.tick());
            assertTrue(meanSpeed(after, "Mover") >= swap.tick() - 5, "memory kept counting from before the swap: "
                    + meanSpeed(after, "Mover") + " at tick " + swap.tick());
            double cx = ((Number) behaviour(after, "Mover").get("cx")).doubleValue();
            double cxBefore = ((Number) behaviour(before, "Mover").get("cx")).doubleValue();
            assertTrue(cx >= cxBefore, "positions carried on from where they were");
        }
    }

    @Test
    void aHelperChangeReachesEveryUserEvenThroughInlinedConstants() throws Exception {
        Scripts.write(dir, "t/Tuning.java", "package t;\npublic final class Tuning {\n    public static final float SPEED = 3f;\n}\n");
        for (String name : List.of("A", "B")) {
            Scripts.write(dir, "t/" + name + ".java", Scripts.mover(name, "Tuning.SPEED"));
        }
        Scripts.write(dir, "t/C.java", Scripts.mover("C", "1f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "A=3", "--spawn", "B=3",
                "--spawn", "C=3", "--stats-every", "5")) {
            awaitSpeed(e, 0, "A", 3);
            int m = e.mark();
            Scripts.write(dir, "t/Tuning.java", "package t;\npublic final class Tuning {\n    public static final float SPEED = 8f;\n}\n");
            Event swap = e.await(m, "swap");
            assertEquals(List.of("A", "B"), swap.get("changed"));
            Event stats = e.awaitStats(m, swap.tick());
            assertEquals(8.0, meanSpeed(stats, "A"), 1e-4);
            assertEquals(8.0, meanSpeed(stats, "B"), 1e-4);
            assertEquals(1.0, meanSpeed(stats, "C"), 1e-4);
        }
    }

    @Test
    void aHelperMethodChangeReachesItsUsersAndOnlyThem() throws Exception {
        Scripts.write(dir, "t/Pace.java", "package t;\npublic final class Pace {\n    public static float of(int n) {\n"
                + "        return 3f;\n    }\n}\n");
        Scripts.write(dir, "t/A.java", Scripts.mover("A", "Pace.of(1)").replace("static final float SPEED = Pace.of(1);",
                "static float speed() {\n        return Pace.of(1);\n    }").replace("setVelocity(SPEED,", "setVelocity(speed(),"));
        Scripts.write(dir, "t/C.java", Scripts.mover("C", "1f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "A=3", "--spawn", "C=3",
                "--stats-every", "5")) {
            awaitSpeed(e, 0, "A", 3);
            int m = e.mark();
            Scripts.write(dir, "t/Pace.java", "package t;\npublic final class Pace {\n    public static float of(int n) {\n"
                    + "        return 7f;\n    }\n}\n");
            Event swap = e.await(m, "swap");
            assertEquals(List.of("A"), swap.get("changed"), "A calls the helper's method: its code changed with it");
            Event stats = e.awaitStats(m, swap.tick());
            assertEquals(7.0, meanSpeed(stats, "A"), 1e-4, "the new method runs, not the kept instance's old one");
            assertEquals(1.0, meanSpeed(stats, "C"), 1e-4);
        }
    }

    @Test
    void aDeletedBehaviourOrphansItsEntitiesUntilItComesBack() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "4f"));
        Path other = Scripts.write(dir, "t/Other.java", Scripts.mover("Other", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=3",
                "--spawn", "Other=6", "--stats-every", "5")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Files.delete(other);
            Event orphaned = e.await(m, "orphaned");
            assertEquals("Other", orphaned.get("behaviour"));
            assertEquals(6, orphaned.get("entities"));
            Event swap = e.await(m, "swap");
            assertEquals(List.of("Other"), swap.get("removed"));
            Event stats = e.awaitStats(m, swap.tick());
            assertEquals(0.0, meanSpeed(stats, "Other"), 1e-6, "orphans stand still");
            assertEquals(6, ((Number) behaviour(stats, "Other").get("count")).intValue(), "and are still counted");
            assertEquals(4.0, meanSpeed(stats, "Mover"), 1e-4);

            m = e.mark();
            Scripts.write(dir, "t/Other.java", Scripts.mover("Other", "2f"));
            Event back = e.await(m, "swap");
            assertEquals(List.of("Other"), back.get("added"));
            assertEquals(2.0, meanSpeed(e.awaitStats(m, back.tick()), "Other"), 1e-4, "they resume");
        }
    }

    @Test
    void aVersionThatThrowsIsRejectedByTheShadowRunAndTheLiveGameNeverSeesIt() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=40",
                "--stats-every", "5")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f").replace("self.setVelocity(SPEED, 0f);",
                    "if (n > 3) throw new IllegalStateException(\"broken on purpose\");"));
            Event rejected = e.await(m, "rejected");
            assertEquals("shadow", rejected.get("reason"));
            Map<String, Object> d = diagnostics(rejected).get(0);
            assertEquals("t/Mover.java", d.get("file"));
            assertEquals(12L, ((Number) d.get("line")).longValue());
            assertTrue(String.valueOf(d.get("message")).contains("broken on purpose"), d.toString());
            assertTrue(e.events("reload").stream().anyMatch(r -> "shadow".equals(r.get("phase"))));
            assertEquals(2.0, meanSpeed(e.awaitStats(e.mark(), rejected.tick() + 10), "Mover"), 1e-4, "old code runs on");
            assertEquals(0, e.events("fault").size(), "the live game saw no fault");
            assertEquals(0, e.events("swap").size());
        }
    }

    @Test
    void aVersionThatThrowsRightAwayIsRolledBack() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=4",
                "--stats-every", "5", "--shadow-ticks", "0")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f").replace("self.setVelocity(SPEED, 0f);",
                    "if (n > 0) throw new IllegalStateException(\"broken on purpose\");"));
            Event rollback = e.await(m, "rollback");
            assertEquals(2, rollback.get("fromGeneration"));
            assertEquals(1, rollback.get("toGeneration"));
            String reason = String.valueOf(rollback.get("reason"));
            assertTrue(reason.contains("broken on purpose") && reason.contains("t/Mover.java:"), reason);
            Event fault = e.events("fault").get(0);
            assertTrue(String.valueOf(fault.get("error")).contains("t/Mover.java:"), fault.toString());
            assertEquals(2.0, meanSpeed(e.awaitStats(e.mark(), rollback.tick()), "Mover"), 1e-4, "old code again");
        }
    }

    @Test
    void manualRollbackGoesBackAGeneration() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=4",
                "--stats-every", "5")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "6f"));
            e.await(m, "swap");
            m = e.mark();
            e.send("rollback");
            Event rollback = e.await(m, "rollback");
            assertEquals(1, rollback.get("toGeneration"));
            awaitSpeed(e, m, "Mover", 2);
            m = e.mark();
            e.send("rollback");
            assertTrue(String.valueOf(e.await(m, "error").get("message")).contains("no earlier generation"));
        }
    }

    @Test
    void pollingManualAndTimerTriggers() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "1f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2",
                "--stats-every", "5", "--watch", "poll")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "3f"));
            e.await(m, "swap");
            awaitSpeed(e, m, "Mover", 3);
        }
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2",
                "--stats-every", "5", "--watch", "off")) {
            e.awaitStats(0, 0);
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "4f"));
            int m = e.mark();
            e.send("reload");
            Event detected = e.await(m, ev -> ev.type().equals("reload") && "detected".equals(ev.get("phase")), "detected");
            assertEquals("manual", detected.get("trigger"));
            e.await(m, "swap");
            awaitSpeed(e, m, "Mover", 4);
        }
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2",
                "--stats-every", "5", "--watch", "off", "--reload-every", "0.2")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "9f"));
            Event detected = e.await(m, ev -> ev.type().equals("reload") && "detected".equals(ev.get("phase")), "detected");
            assertEquals("timer", detected.get("trigger"));
            e.await(m, "swap");
            awaitSpeed(e, m, "Mover", 9);
            int after = e.mark();
            e.awaitStats(after, e.events("stats").get(e.events("stats").size() - 1).tick() + 30);
            assertEquals(0, e.events("reload").stream().skip(0).filter(r -> ((Number) r.get("generation")).intValue() > 2).count(),
                    "the timer builds nothing when nothing changed");
        }
    }

    @Test
    void newSubfoldersRenamesAndBadFilesAreReportedAndTheGameGoesOn() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=3",
                "--stats-every", "5")) {
            e.awaitStats(0, 0);

            int m = e.mark();
            Scripts.write(dir, "t/deep/er/Newcomer.java", Scripts.mover("Newcomer", "1f").replace("package t;", "package t.deep.er;"));
            Event added = e.await(m, "swap");
            assertEquals(List.of("Newcomer"), added.get("added"));

            m = e.mark();
            Scripts.write(dir, "t/Empty.java", "");
            Files.write(dir.resolve("t/Binary.java"), new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 10, 0});
            Event binary = e.await(m, "rejected");
            assertEquals("compile", binary.get("reason"));
            assertTrue(diagnostics(binary).stream().anyMatch(d -> "t/Binary.java".equals(d.get("file"))), binary.toString());
            Files.delete(dir.resolve("t/Binary.java"));
            e.await(m, "swap");

            m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Renamed", "2f"));
            Event renamed = e.await(m, "rejected");
            assertTrue(String.valueOf(diagnostics(renamed).get(0).get("message")).contains("Renamed"), renamed.toString());

            m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
            Scripts.write(dir, "u/Mover.java", Scripts.mover("Mover", "2f").replace("package t;", "package u;"));
            Event twins = e.await(m, "rejected");
            assertEquals("verify", twins.get("reason"));
            assertTrue(String.valueOf(diagnostics(twins).get(0).get("message")).contains("two behaviours are named Mover"));
            assertTrue(((Number) diagnostics(twins).get(0).get("line")).longValue() > 0);
            Files.delete(dir.resolve("u/Mover.java"));
            e.await(m, "swap");
            awaitSpeed(e, e.mark(), "Mover", 2);
        }
    }

    @Test
    void aBurstOfSavesEndsOnTheLastContent() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "1f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2",
                "--stats-every", "5")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            String last = null;
            for (int i = 1; i <= 20; i++) {
                last = Scripts.mover("Mover", (10 + i) + "f");
                Path file = dir.resolve("t/Mover.java");
                // An editor's save: truncate, write half, then the rest (a reader may catch the half).
                Files.writeString(file, last.substring(0, last.length() / 2));
                Files.writeString(file, last);
                Thread.sleep(10); // the burst's pace, not a wait for a result
            }
            awaitSpeed(e, m, "Mover", 30);
            Event settled = e.awaitStats(e.mark(), e.events("stats").get(e.events("stats").size() - 1).tick() + 20);
            assertEquals(30.0, meanSpeed(settled, "Mover"), 1e-4, "stays on the last content");
        }
    }

    @Test
    void theBuildStartsAtTheFirstEventAndTheSwapWaitsForTheQuietPeriod() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "1f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2",
                "--stats-every", "5", "--quiet-ms", "4000")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            double written = epochMillis();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "3f"));
            Event swap = e.await(m, "swap");
            Event compiled = e.await(m, ev -> ev.type().equals("reload") && "compiled".equals(ev.get("phase"))
                    && swap.get("toGeneration").equals(ev.get("generation")), "the compile of the swapped generation");
            assertTrue(epochMillis(swap) - written >= 4000, "no swap before the folder was quiet for --quiet-ms");
            assertTrue(epochMillis(compiled) - written < 4000, "the build did not wait for the quiet period: "
                    + (epochMillis(compiled) - written) + " ms after the save");
            assertEquals(2, swap.get("toGeneration"));
            awaitSpeed(e, m, "Mover", 3);
        }
    }

    /**
     * Two Movers at speed 1 with a quiet period of 3 s, running: a build of a file event goes live
     * only after that, so a test has time to save again before it does.
     */
    private RunningEngine moverWithALongQuietPeriod() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "1f"));
        RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2",
                "--stats-every", "5", "--quiet-ms", "3000");
        try {
            e.awaitStats(0, 0);
        } catch (RuntimeException | Error failed) {
            e.close();
            throw failed;
        }
        return e;
    }

    @Test
    void aSpeculativeBuildOfContentThatChangedBeforeTheQuietPeriodEndedNeverGoesLive() throws Exception {
        try (RunningEngine e = moverWithALongQuietPeriod()) {
            int m = e.mark();
            Path file = dir.resolve("t/Mover.java");
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "111f")); // compiles, and is built at once
            Thread.sleep(1000); // the pace of a person who saves again, not a wait for a result
            String last = Scripts.mover("Mover", "7f");
            Files.writeString(file, last.substring(0, last.length() / 2)); // a half-written save, then the rest
            Thread.sleep(500);
            Files.writeString(file, last);
            Event swap = e.await(m, "swap");
            assertEquals(2, swap.get("toGeneration"), "the builds that were redone took no number");
            awaitSpeed(e, m, "Mover", 7);
            Event settled = e.awaitStats(e.mark(), e.events("stats").get(e.events("stats").size() - 1).tick() + 10);
            assertEquals(7.0, meanSpeed(settled, "Mover"), 1e-4);
            assertEquals(1, e.events("swap").size(), "one swap: the final content's");
            assertTrue(e.events("stats").stream().noneMatch(s -> behaviour(s, "Mover") != null
                    && Math.abs(meanSpeed(s, "Mover") - 111) < 1e-3), "the first save's build never ran live");
            assertEquals(List.of(), e.events("rejected"), "the half-written file's build is redone, not reported");
        }
    }

    @Test
    void aSaveReadBetweenItsTruncationAndItsWriteIsNotBuiltEmpty() throws Exception {
        try (RunningEngine e = moverWithALongQuietPeriod()) {
            int m = e.mark();
            Path file = dir.resolve("t/Mover.java");
            Files.writeString(file, ""); // an editor's truncation...
            Thread.sleep(300);
            Files.writeString(file, Scripts.mover("Mover", "5f")); // ...and its write, a moment later
            Event swap = e.await(m, "swap");
            assertEquals(2, swap.get("toGeneration"));
            awaitSpeed(e, m, "Mover", 5);
            Event detected = e.events("reload").stream().filter(r -> "detected".equals(r.get("phase"))
                    && Integer.valueOf(2).equals(r.get("generation"))).findFirst().orElseThrow();
            assertNull(detected.get("abandonedAfter"), "no build of the empty file was begun: " + detected.toJson());
            assertEquals(List.of(), e.events("rejected"));
        }
    }

    @Test
    void aBuildWhoseFilesChangeMidBuildIsAbandonedBeforeItsShadowRun() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "1f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2",
                "--stats-every", "5")) {
            e.awaitStats(0, 0);
            e.await(0, "warmed"); // the reload thread is free: a save is read at its first event
            int m = e.mark();
            // A save that compiles, slowly (thousands of methods), and, while it compiles, the next one.
            StringBuilder slow = new StringBuilder(Scripts.mover("Mover", "111f"));
            StringBuilder methods = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                methods.append("    static float m").append(i).append("(float x) { return x * ").append(i)
                        .append("f + ").append(i % 7).append("f; }\n");
            }
            slow.insert(slow.lastIndexOf("}"), methods);
            Scripts.write(dir, "t/Mover.java", slow.toString());
            Thread.sleep(300); // a person saving twice in a row, not a wait for a result
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "7f"));
            Event swap = e.await(m, "swap");
            awaitSpeed(e, m, "Mover", 7);
            assertEquals(2, swap.get("toGeneration"), "the abandoned build took no number");
            Event detected = e.await(m, ev -> ev.type().equals("reload") && "detected".equals(ev.get("phase"))
                    && swap.get("toGeneration").equals(ev.get("generation")), "the detection of the swapped generation");
            Object after = detected.get("abandonedAfter");
            assertTrue(List.of("compiled", "verified", "loaded").contains(after),
                    "the first save's build got as far as " + after + ", not stopped before its shadow run");
            assertTrue(e.events("stats").stream().noneMatch(st -> behaviour(st, "Mover") != null
                    && Math.abs(meanSpeed(st, "Mover") - 111) < 1e-3), "the first save's build never ran live");
            assertEquals(List.of(), e.events("rejected"));
        }
    }

    private static double epochMillis() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
    }

    private static double epochMillis(Event e) {
        return e.epochMillis();
    }

    @Test
    void aSymlinkedScriptFolderWorks() throws Exception {
        Path real = dir.resolve("real");
        Scripts.write(real, "t/Mover.java", Scripts.mover("Mover", "2f"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        try (RunningEngine e = RunningEngine.headless("--scripts", link.toString(), "--spawn", "Mover=2",
                "--stats-every", "5")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            Scripts.write(real, "t/Mover.java", Scripts.mover("Mover", "6f"));
            e.await(m, "swap");
            awaitSpeed(e, m, "Mover", 6);
        }
    }

    @Test
    void mutableFieldsAreWarnedAbout() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f").replace("static final float SPEED",
                "static int calls;\n    float speed;\n    static final float SPEED"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=1")) {
            Event w = e.await(0, ev -> ev.type().equals("warning") && String.valueOf(ev.get("message")).contains("calls"),
                    "field warning");
            String msg = String.valueOf(w.get("message"));
            assertTrue(msg.contains("t/Mover.java") && msg.contains("speed") && msg.contains("memory"), msg);
        }
    }

    @Test
    void unchangedBehavioursKeepTheirJitWarmInstanceAcrossASwap() throws Exception {
        // Keeper counts its updates in an instance field (which a reload would lose): if the swap
        // reuses the instance, the count, and so the speed, goes on growing instead of starting over.
        Scripts.write(dir, "t/Keeper.java", """
                package t;

                import dev.pitstop.api.*;

                public class Keeper implements Behaviour {
                    private final int[] updates = {0};

                    @Override
                    public void update(Agent self, World world) {
                        updates[0]++;
                        self.setVelocity(updates[0], 0f);
                    }
                }
                """);
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Keeper=1",
                "--spawn", "Mover=1", "--stats-every", "5")) {
            e.awaitStats(0, 40);
            int m = e.mark();
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "3f"));
            Event swap = e.await(m, "swap");
            assertEquals(List.of("Mover"), swap.get("changed"));
            Event after = e.awaitStats(m, swap.tick());
            assertTrue(meanSpeed(after, "Keeper") > 40, "Keeper's instance lived on: " + meanSpeed(after, "Keeper"));
            assertEquals(3.0, meanSpeed(after, "Mover"), 1e-4);
        }
    }
}
