package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.Javac;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts that try to hurt the game, against a running engine: each is refused before it loads
 * ({@code sandbox}, {@code verify}) or stopped while it runs (a {@code fault}), with its file and
 * line, while the world keeps ticking and nothing outside the game changes. Shadow runs are off,
 * so that what reaches the live game is what is tested here.
 */
class HostileScriptsTest {

    @TempDir
    Path dir;

    static String behaviour(String name, String body) {
        return """
                package t;

                import dev.pitstop.api.*;

                public class %s implements Behaviour {
                %s
                }
                """.formatted(name, body.stripTrailing().indent(4).stripTrailing());
    }

    static String good() {
        return behaviour("Good", """
                @Override
                public void update(Agent self, World world) {
                    self.setVelocity(3f, 0f);
                }
                """);
    }

    /** Waits for stats after {@code tick} that show Good still moving at its speed. */
    static Event goodKeepsMoving(RunningEngine e, int from, long tick) {
        return e.await(from, ev -> ev.type().equals("stats") && ev.tick() > tick
                && dev.pitstop.testing.Stats.behaviour(ev, "Good") != null
                && Math.abs(dev.pitstop.testing.Stats.meanSpeed(ev, "Good") - 3) < 1e-4, "stats with Good moving after tick " + tick);
    }

    @Test
    void aLegitimateScriptPassesTheSandboxAndRuns() throws Exception {
        Scripts.write(dir, "t/Legit.java", Scripts.legitimate("Legit"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Legit=3",
                "--stats-every", "5", "--shadow-ticks", "0")) {
            Event stats = e.awaitStats(0, 5);
            assertEquals(4.0, dev.pitstop.testing.Stats.meanSpeed(stats, "Legit"), 1e-4, "every check in the script came out right");
            assertEquals(List.of(), e.events("fault"));
            assertEquals(List.of(), e.events("rejected"));
        }
    }

    @Test
    void forbiddenCallsAreRefusedAndNothingOutsideTheGameChanges() throws Exception {
        Path written = dir.resolve("written.txt");
        Path touched = dir.resolve("touched.txt");
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("Exit", behaviour("Exit", """
                @Override
                public void update(Agent self, World world) {
                    Runnable later = System::gc;
                    System.exit(3);
                }
                """));
        corpus.put("WriteFile", behaviour("WriteFile", """
                @Override
                public void update(Agent self, World world) {
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "written");
                    } catch (java.io.IOException e) {
                        world.log("not written");
                    }
                }
                """.formatted(written.toString().replace("\\", "\\\\"))));
        corpus.put("StartThread", behaviour("StartThread", """
                @Override
                public void update(Agent self, World world) {
                    new Thread(() -> world.log("elsewhere")).start();
                }
                """));
        corpus.put("Reflect", behaviour("Reflect", """
                @Override
                public void update(Agent self, World world) {
                    try {
                        Class.forName("dev.pitstop.sim.Simulation").getDeclaredFields();
                    } catch (ClassNotFoundException e) {
                        world.log("hidden");
                    }
                }
                """));
        corpus.put("Exec", behaviour("Exec", """
                @Override
                public void update(Agent self, World world) {
                    try {
                        Runtime.getRuntime().exec(new String[] {"touch", "%s"});
                    } catch (java.io.IOException e) {
                        world.log("not run");
                    }
                }
                """.formatted(touched.toString().replace("\\", "\\\\"))));
        corpus.put("Monitor", behaviour("Monitor", """
                @Override
                public void update(Agent self, World world) {
                    synchronized (this) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            world.log("woken");
                        }
                    }
                }
                """));
        Map<String, List<String>> expected = Map.of(
                "Exit", List.of("System::gc", "refers to java.lang.System.gc()", "System.exit(3)", "calls java.lang.System.exit(int)"),
                "WriteFile", List.of("Files.writeString", "java.nio.file."),
                "StartThread", List.of("new Thread", "creates java.lang.Thread"),
                "Reflect", List.of("Class.forName", "calls java.lang.Class.forName(String)"),
                "Exec", List.of("Runtime.getRuntime()", "calls java.lang.Runtime.getRuntime()"),
                "Monitor", List.of("synchronized (this)", "uses a synchronized block", "wait();", "calls java.lang.Object.wait()"));

        Scripts.write(dir, "t/Good.java", good());
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Good=4",
                "--stats-every", "5", "--shadow-ticks", "0")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            for (Map.Entry<String, String> s : corpus.entrySet()) {
                Scripts.write(dir, "t/" + s.getKey() + ".java", s.getValue());
            }
            Event rejected = e.await(m, "rejected");
            assertEquals("sandbox", rejected.get("reason"));
            List<Map<String, Object>> diagnostics = HotReloadTest.diagnostics(rejected);
            for (Map.Entry<String, List<String>> x : expected.entrySet()) {
                String file = "t/" + x.getKey() + ".java";
                List<String> pairs = x.getValue();
                for (int i = 0; i < pairs.size(); i += 2) {
                    long line = Javac.lineOf(corpus.get(x.getKey()), pairs.get(i));
                    String text = pairs.get(i + 1);
                    assertTrue(diagnostics.stream().anyMatch(d -> file.equals(d.get("file"))
                            && ((Number) d.get("line")).longValue() == line && String.valueOf(d.get("message")).contains(text)),
                            file + ":" + line + " should say '" + text + "': " + diagnostics);
                }
            }
            goodKeepsMoving(e, m, rejected.tick() + 5);
            assertFalse(Files.exists(written), "no file written");
            assertFalse(Files.exists(touched), "no process run");

            for (String name : corpus.keySet()) {
                Files.delete(dir.resolve("t/" + name + ".java"));
            }
            String staticThrows = behaviour("StaticThrows", """
                    static final float SPEED = compute();

                    static float compute() {
                        throw new IllegalStateException("no speed today");
                    }

                    @Override
                    public void update(Agent self, World world) {
                        self.setVelocity(SPEED, 0f);
                    }
                    """);
            refusedWhileGoodMoves(e, "StaticThrows", staticThrows, "verify", "throw new IllegalStateException",
                    "static initializer of StaticThrows threw java.lang.IllegalStateException: no speed today");

            String staticLoops = behaviour("StaticLoops", """
                    static final int START = start();

                    static int start() {
                        int n = 1;
                        while (n > 0) {
                            n = n * 1;
                        }
                        return n;
                    }

                    @Override
                    public void update(Agent self, World world) {
                        self.setVelocity(START, 0f);
                    }
                    """);
            refusedWhileGoodMoves(e, "StaticLoops", staticLoops, "verify", "n = n * 1;",
                    "static initializer of StaticLoops threw dev.pitstop.guard.BudgetExceeded: stopped: ");

            String ctorLoops = behaviour("CtorLoops", """
                    private final int start;

                    public CtorLoops() {
                        int n = 1;
                        while (n > 0) {
                            n = n * 1;
                        }
                        start = n;
                    }

                    @Override
                    public void update(Agent self, World world) {
                        self.setVelocity(start, 0f);
                    }
                    """);
            refusedWhileGoodMoves(e, "CtorLoops", ctorLoops, "verify", "n = n * 1;",
                    "constructor of CtorLoops threw dev.pitstop.guard.BudgetExceeded: stopped: ");
        }
    }

    private static void refusedWhileGoodMoves(RunningEngine e, String name, String source, String reason, String at,
            String says) throws Exception {
        Path root = Path.of(String.valueOf(e.events("start").get(0).get("scripts")));
        Path file = Scripts.write(root, "t/" + name + ".java", source);
        int m = e.mark();
        Event rejected = e.await(m, "rejected");
        assertEquals(reason, rejected.get("reason"), rejected.toString());
        Map<String, Object> d = HotReloadTest.diagnostics(rejected).get(0);
        assertEquals("t/" + name + ".java", d.get("file"), rejected.toString());
        assertEquals((long) Javac.lineOf(source, at), ((Number) d.get("line")).longValue(), rejected.toString());
        assertTrue(String.valueOf(d.get("message")).startsWith(says), rejected.toString());
        goodKeepsMoving(e, m, rejected.tick() + 5);
        Files.delete(file);
    }

    @Test
    void runawayScriptsAreFaultsAndTheGameGoesOn() throws Exception {
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("Spin", behaviour("Spin", """
                @Override
                public void update(Agent self, World world) {
                    while (true) {
                    }
                }
                """));
        corpus.put("SpinInCatch", behaviour("SpinInCatch", """
                @Override
                public void update(Agent self, World world) {
                    while (true) {
                        try {
                            while (true) {
                                self.id();
                            }
                        } catch (Throwable t) {
                            world.log("caught " + t);
                        } finally {
                            world.log("finally");
                        }
                    }
                }
                """));
        corpus.put("Deep", behaviour("Deep", """
                @Override
                public void update(Agent self, World world) {
                    self.setVelocity(depth(0), 0f);
                }

                static int depth(int n) {
                    return depth(n + 1) + 1;
                }
                """));
        corpus.put("Huge", behaviour("Huge", """
                @Override
                public void update(Agent self, World world) {
                    long[] all = new long[500_000_000];
                    self.setVelocity(all.length, 0f);
                }
                """));
        corpus.put("Sulky", behaviour("Sulky", """
                static final class Sulk extends RuntimeException {
                    @Override
                    public String getMessage() {
                        while (true) {
                        }
                    }
                }

                @Override
                public void update(Agent self, World world) {
                    throw new Sulk();
                }
                """));
        Map<String, List<String>> expected = Map.of(
                "Spin", List.of("while (true) {", "dev.pitstop.guard.BudgetExceeded: stopped: "),
                "SpinInCatch", List.of("} catch (Throwable t) {", "dev.pitstop.guard.BudgetExceeded"),
                "Deep", List.of("return depth(n + 1) + 1;", "java.lang.StackOverflowError"),
                "Huge", List.of("new long[500_000_000]", "an array of 500000000 elements would cost 250000001 units"),
                "Sulky", List.of("throw new Sulk();", "t.Sulky$Sulk: (its getMessage() threw dev.pitstop.guard.BudgetExceeded)"));

        Scripts.write(dir, "t/Good.java", good());
        List<String> args = new java.util.ArrayList<>(List.of("--scripts", dir.toString(), "--spawn", "Good=4",
                "--stats-every", "5", "--shadow-ticks", "0"));
        for (Map.Entry<String, String> s : corpus.entrySet()) {
            Scripts.write(dir, "t/" + s.getKey() + ".java", s.getValue());
            args.addAll(List.of("--spawn", s.getKey() + "=3"));
        }
        try (RunningEngine e = RunningEngine.headless(args.toArray(String[]::new))) {
            for (Map.Entry<String, List<String>> x : expected.entrySet()) {
                Event fault = e.await(0, ev -> ev.type().equals("fault") && x.getKey().equals(ev.get("behaviour")),
                        "a fault of " + x.getKey());
                String error = String.valueOf(fault.get("error"));
                String where = " at t/" + x.getKey() + ".java:" + Javac.lineOf(corpus.get(x.getKey()), x.getValue().get(0));
                assertTrue(error.contains(x.getValue().get(1)) && error.endsWith(where),
                        x.getKey() + "'s fault should say '" + x.getValue().get(1) + "' and end '" + where + "': " + error);
            }
            Event spin = e.await(0, ev -> ev.type().equals("fault") && "Spin".equals(ev.get("behaviour")), "Spin");
            assertEquals(true, spin.get("overrun"));
            assertEquals(2, spin.get("skipped"), "stopped once, the behaviour sits out the rest of the tick");
            Event stats = goodKeepsMoving(e, e.mark(), spin.tick() + 10);
            assertTrue(((Number) stats.get("faults")).intValue() > 0);
        }
    }

    @Test
    void overrunsTickAfterTickRollBack() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=3",
                "--stats-every", "5", "--shadow-ticks", "0")) {
            e.awaitStats(0, 0);
            int m = e.mark();
            // Past the 60 ticks in which any fault rolls back: from then on it loops in every update.
            Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f").replace("self.setVelocity(SPEED, 0f);",
                    "if (self.memory().getInt(\"late\", 0) > 70) { while (true) { } }\n"
                    + "        self.memory().putInt(\"late\", self.memory().getInt(\"late\", 0) + 1);\n"
                    + "        self.setVelocity(SPEED, 0f);"));
            Event swap = e.await(m, "swap");
            Event rollback = e.await(m, "rollback");
            assertTrue(rollback.tick() > swap.tick() + 60, "after the first 60 ticks: " + swap + " " + rollback);
            String reason = String.valueOf(rollback.get("reason"));
            assertTrue(reason.contains("overran its work budget in 3 ticks in a row") && reason.contains("t/Mover.java:"),
                    reason);
            assertEquals(1, rollback.get("toGeneration"));
            assertEquals(3, e.events("fault").stream().filter(f -> f.tick() > swap.tick()).count(),
                    "three ticks of overruns, then the old code");
            dev.pitstop.testing.Stats.awaitSpeed(e, e.mark(), "Mover", 2);
        }
    }

    @Test
    void trustedScriptsRunWithoutSandboxOrBudget() throws Exception {
        Scripts.write(dir, "t/Roomy.java", behaviour("Roomy", """
                @Override
                public void update(Agent self, World world) {
                    long sum = new java.util.Random(1).nextInt(2);
                    for (int i = 0; i < 3_000_000; i++) {
                        sum += i & 1;
                    }
                    self.setVelocity(sum > 0 ? 5f : 0f, 0f);
                }
                """));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Roomy=1",
                "--stats-every", "5", "--shadow-ticks", "0", "--trust-scripts")) {
            Event stats = e.awaitStats(0, 5);
            assertEquals(5.0, dev.pitstop.testing.Stats.meanSpeed(stats, "Roomy"), 1e-4);
            assertEquals(List.of(), e.events("fault"));
            assertTrue(e.events("warning").stream().anyMatch(w -> String.valueOf(w.get("message")).contains("--trust-scripts")));
        }
    }
}
