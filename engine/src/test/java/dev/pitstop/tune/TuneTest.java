package dev.pitstop.tune;

import static dev.pitstop.testing.Stats.awaitSpeed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunables} and {@code tune} end to end: real files in a temporary folder, a running
 * headless engine, its events, and the files' bytes.
 */
class TuneTest {

    @TempDir
    Path dir;

    /** A mover whose speed is SPEED, written with CRLF line ends, tabs, a non-ASCII comment and look-alikes of 2f. */
    static final String CRLF_MOVER = String.join("\r\n",
            "package t;",
            "",
            "import dev.pitstop.api.*;",
            "",
            "/** Moves along x at SPEED (2f) \u2014 caf\u00e9 \uD83D\uDE80; OTHER is 2f too. */",
            "public class Mover implements Behaviour {",
            "\tstatic final float SPEED = 2f;\t// 2f: the speed",
            "\tstatic final float OTHER = 2f;",
            "\tstatic final int COUNT = - 4;",
            "\tstatic final float TWICE = SPEED * 2;",
            "\tstatic final boolean ON = true;",
            "",
            "\t@Override",
            "\tpublic void update(Agent self, World world) {",
            "\t\tself.setVelocity(ON ? SPEED + OTHER * 0 + COUNT * 0 : 0f, 0f);",
            "\t}",
            "}",
            "");

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Event tunables) {
        return (List<Map<String, Object>>) tunables.get("items");
    }

    static Map<String, Object> item(Event tunables, String name) {
        return items(tunables).stream().filter(i -> i.get("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + tunables));
    }

    /** Sends {@code line} and returns the first {@code tuned} or {@code error} event it brings. */
    static Event send(RunningEngine e, String line) throws Exception {
        int m = e.mark();
        e.send(line);
        return e.await(m, ev -> ev.type().equals("tuned") || ev.type().equals("error"), "tuned or error after " + line);
    }

    static Event tune(RunningEngine e, String line) throws Exception {
        Event r = send(e, line);
        assertEquals("tuned", r.type(), r.toString());
        return r;
    }

    static Event refused(RunningEngine e, String line) throws Exception {
        Event r = send(e, line);
        assertEquals("error", r.type(), r.toString());
        return r;
    }

    static Event list(RunningEngine e) throws Exception {
        int m = e.mark();
        e.send("tunables");
        return e.await(m, "tunables");
    }

    @Test
    void listsEveryKindOfTunableOfTheLiveScripts() throws Exception {
        Scripts.write(dir, "t/Mover.java", CRLF_MOVER);
        Scripts.write(dir, "t/Kinds.java", """
                package t;

                import dev.pitstop.api.Range;

                public final class Kinds {
                    static final long BIG = 3L;
                    static final double RATE = 0.25;
                    @Range(min = 0, max = 1) static final double RANGED = -1e-3;

                    static final class Inner {
                        static final int DEPTH = 7;

                        interface Deeper {
                            float IMPLICIT = 2.5f;
                        }
                    }
                }
                """);
        Scripts.write(dir, "a/Twin.java", "package a;\npublic class Twin { static final int N = 1; }\n");
        Scripts.write(dir, "b/Twin.java", "package b;\npublic class Twin { static final int N = 2; }\n");
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2")) {
            e.await(0, "start");
            Event listed = list(e);
            assertEquals(List.of("a.Twin.N", "b.Twin.N", "Kinds.BIG", "Kinds.RATE", "Kinds.RANGED", "Kinds.Inner.DEPTH",
                    "Kinds.Inner.Deeper.IMPLICIT", "Mover.SPEED", "Mover.OTHER", "Mover.COUNT", "Mover.ON"),
                    items(listed).stream().map(i -> i.get("name")).toList(),
                    "in file order; a name shared by two packages is given in full");
            assertEquals(Map.of("name", "Mover.SPEED", "type", "float", "value", "2f", "file", "t/Mover.java", "line", 7L),
                    item(listed, "Mover.SPEED"));
            assertEquals(Map.of("name", "Mover.COUNT", "type", "int", "value", "- 4", "file", "t/Mover.java", "line", 9L),
                    item(listed, "Mover.COUNT"));
            assertEquals(Map.of("name", "Kinds.RANGED", "type", "double", "value", "-1e-3", "file", "t/Kinds.java",
                    "line", 8L), item(listed, "Kinds.RANGED"));
            assertEquals("long", item(listed, "Kinds.BIG").get("type"));
            assertEquals("boolean", item(listed, "Mover.ON").get("type"));
            assertEquals(11L, item(listed, "Kinds.Inner.DEPTH").get("line"));
            assertEquals(14L, item(listed, "Kinds.Inner.Deeper.IMPLICIT").get("line"));

            Event tuned = tune(e, "tune Kinds.Inner.Deeper.IMPLICIT 3.75");
            assertEquals("3.75f", tuned.get("to"));
            assertTrue(Files.readString(dir.resolve("t/Kinds.java")).contains("float IMPLICIT = 3.75f;"));
            assertTrue(refused(e, "tune Twin.N 5").get("message").toString().contains("ambiguous (a.Twin.N, b.Twin.N)"));
            tune(e, "tune b.Twin.N 5");
            assertEquals("package b;\npublic class Twin { static final int N = 5; }\n",
                    Files.readString(dir.resolve("b/Twin.java")));
        }
    }

    @Test
    void aTuneChangesOnlyTheLiteralAndGoesLiveLikeAnyEdit() throws Exception {
        Path file = Scripts.write(dir, "t/Mover.java", CRLF_MOVER);
        byte[] original = Files.readAllBytes(file);
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=5",
                "--stats-every", "5")) {
            awaitSpeed(e, 0, "Mover", 2);
            int m = e.mark();
            Event tuned = tune(e, "tune Mover.SPEED 5");
            assertEquals("Mover.SPEED", tuned.get("name"));
            assertEquals("2f", tuned.get("from"));
            assertEquals("5f", tuned.get("to"));
            assertEquals("t/Mover.java", tuned.get("file"));
            assertEquals(7L, tuned.get("line"));
            assertArrayEquals(utf8(CRLF_MOVER.replace("SPEED = 2f;", "SPEED = 5f;")), Files.readAllBytes(file),
                    "only the literal changed: not the comment's 2f, not OTHER's, not a line end or a tab");
            Event swap = e.await(m, "swap");
            assertEquals(List.of("Mover"), swap.get("changed"));
            awaitSpeed(e, m, "Mover", 5);

            m = e.mark();
            tuned = tune(e, "tune Mover.COUNT 3");
            assertEquals("- 4", tuned.get("from"));
            assertEquals("3", tuned.get("to"));
            tune(e, "tune Mover.COUNT -12");
            tune(e, "tune Mover.ON false");
            assertArrayEquals(utf8(CRLF_MOVER.replace("SPEED = 2f;", "SPEED = 5f;").replace("COUNT = - 4;", "COUNT = -12;")
                    .replace("ON = true;", "ON = false;")), Files.readAllBytes(file));
            awaitSpeed(e, m, "Mover", 0);

            tune(e, "tune undo");
            tune(e, "tune undo");
            tune(e, "tune undo");
            Event last = tune(e, "tune undo");
            assertEquals("5f", last.get("from"));
            assertEquals("2f", last.get("to"));
            assertEquals(true, last.get("undo"));
            assertArrayEquals(original, Files.readAllBytes(file), "undo gives the file back byte for byte");
            assertTrue(refused(e, "tune undo").get("message").toString().contains("nothing to undo"));
            m = e.mark();
            tune(e, "tune redo");
            assertArrayEquals(utf8(CRLF_MOVER.replace("SPEED = 2f;", "SPEED = 5f;")), Files.readAllBytes(file));
            awaitSpeed(e, m, "Mover", 5);
        }
        try (var leftovers = Files.list(dir.resolve("t"))) {
            assertEquals(List.of("Mover.java"), leftovers.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void everyRefusalLeavesTheFileUntouched() throws Exception {
        Path file = Scripts.write(dir, "t/Mover.java", CRLF_MOVER);
        byte[] original = Files.readAllBytes(file);
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2")) {
            e.await(0, "start");
            Map<String, String> refusals = Map.of(
                    "tune Mover.SPEEDY 3", "no tunable named Mover.SPEEDY",
                    "tune Mover.SPEED fast", "Mover.SPEED is a float",
                    "tune Mover.SPEED true", "Mover.SPEED is a float",
                    "tune Mover.COUNT 2.5", "a whole number",
                    "tune Mover.COUNT 3000000000", "out of its range",
                    "tune Mover.ON 1", "true or false",
                    "tune Mover.TWICE 9", "computed (SPEED * 2)",
                    "tune Mover.SPEED", "expected NAME VALUE",
                    "tune undo", "nothing to undo");
            for (Map.Entry<String, String> r : refusals.entrySet()) {
                Event error = refused(e, r.getKey());
                assertTrue(error.get("message").toString().contains(r.getValue()), r.getKey() + " -> " + error);
                assertArrayEquals(original, Files.readAllBytes(file), r.getKey() + " wrote to the file");
            }
            assertEquals(0, e.events("tuned").size());
            assertEquals(0, e.events("swap").size(), "nothing was built");
        }
    }

    @Test
    void aSaveElsewhereIsNeverOverwritten() throws Exception {
        Path file = Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        // Not watched: a person's save stays unbuilt until 'reload', as if the tune came in just after it.
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2",
                "--watch", "off", "--stats-every", "5")) {
            e.await(0, "start");
            String theirs = Scripts.mover("Mover", "3f").replace("int n =", "int count =").replace("putInt(\"updates\", n)",
                    "putInt(\"updates\", count)");
            Scripts.write(dir, "t/Mover.java", theirs);
            Event error = refused(e, "tune Mover.SPEED 9");
            assertTrue(error.get("message").toString().contains("t/Mover.java changed since the live version"), error.toString());
            assertEquals(theirs, Files.readString(file));

            int m = e.mark();
            e.send("reload");
            e.await(m, "swap");
            m = e.mark();
            tune(e, "tune Mover.SPEED 9");
            assertEquals(theirs.replace("SPEED = 3f;", "SPEED = 9f;"), Files.readString(file), "tuned on top of their edit");
            e.await(m, "swap");
            awaitSpeed(e, m, "Mover", 9);

            // Saved again after the tune: undo would put back a file they have moved on from.
            String again = theirs.replace("SPEED = 3f;", "SPEED = 9f;").replace("public class", "/** Theirs. */\npublic class");
            Scripts.write(dir, "t/Mover.java", again);
            error = refused(e, "tune undo");
            assertTrue(error.get("message").toString().contains("t/Mover.java changed since that tune"), error.toString());
            assertEquals(again, Files.readString(file));
        }
    }

    @Test
    void aBrokenSaveInProgressWinsOverATune() throws Exception {
        Path file = Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2")) {
            e.await(0, "start");
            int m = e.mark();
            String broken = Scripts.mover("Mover", "4f").replace("SPEED, 0f", "SPEED 0f");
            Scripts.write(dir, "t/Mover.java", broken);
            e.await(m, "rejected");
            Event error = refused(e, "tune Mover.SPEED 9");
            assertTrue(error.get("message").toString().contains("t/Mover.java"), error.toString());
            assertEquals(broken, Files.readString(file), "the person's save, broken or not, wins");
        }
    }

    @Test
    void afterARollbackTheNewerFileIsNotTunedOverTheOlderLiveCode() throws Exception {
        Path file = Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Mover=2")) {
            e.await(0, "start");
            int m = e.mark();
            tune(e, "tune Mover.SPEED 3");
            e.await(m, "swap");
            m = e.mark();
            e.send("rollback");
            e.await(m, "rollback");
            String before = Files.readString(file);
            Event error = refused(e, "tune Mover.SPEED 4");
            assertTrue(error.get("message").toString().contains("newer than the live version (generation 1 is live again"),
                    error.toString());
            assertEquals(before, Files.readString(file));
        }
    }

    @Test
    void aHelpersConstantReachesTheBehavioursJavacCopiedItInto() throws Exception {
        Scripts.write(dir, "t/Tuning.java", "package t;\npublic final class Tuning {\n    public static final float SPEED = 3f;\n}\n");
        for (String name : List.of("A", "B")) {
            Scripts.write(dir, "t/" + name + ".java", Scripts.mover(name, "Tuning.SPEED"));
        }
        Scripts.write(dir, "t/C.java", Scripts.mover("C", "1f"));
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "A=3", "--spawn", "B=3",
                "--spawn", "C=3", "--stats-every", "5")) {
            awaitSpeed(e, 0, "A", 3);
            assertEquals(List.of("C.SPEED", "Tuning.SPEED"),
                    items(list(e)).stream().map(i -> i.get("name")).toList(),
                    "A.SPEED = Tuning.SPEED is not one literal; C's is");
            int m = e.mark();
            tune(e, "tune Tuning.SPEED 8");
            Event swap = e.await(m, "swap");
            assertEquals(List.of("A", "B"), swap.get("changed"));
            Event stats = awaitSpeed(e, m, "A", 8);
            assertEquals(8.0, dev.pitstop.testing.Stats.meanSpeed(stats, "B"), 1e-4);
            assertEquals(1.0, dev.pitstop.testing.Stats.meanSpeed(stats, "C"), 1e-4);
            assertTrue(refused(e, "tune A.SPEED 2").get("message").toString().contains("computed (Tuning.SPEED)"));
        }
    }

    @Test
    void classFilesHaveNothingToTune() throws Exception {
        Path out = dir.resolve("classes");
        for (Map.Entry<String, byte[]> c : dev.pitstop.testing.Javac.compile(Map.of("t/Mover.java",
                Scripts.mover("Mover", "2f"))).entrySet()) {
            Path f = out.resolve(c.getKey().replace('.', '/') + ".class");
            Files.createDirectories(f.getParent());
            Files.write(f, c.getValue());
        }
        try (RunningEngine e = RunningEngine.headless("--script-classes", out.toString(), "--spawn", "Mover=2")) {
            e.await(0, "start");
            Event listed = list(e);
            assertEquals(List.of(), items(listed));
            assertTrue(listed.get("message").toString().contains("class files"), listed.toString());
            Event error = refused(e, "tune Mover.SPEED 3");
            assertTrue(error.get("message").toString().contains("--script-classes"), error.toString());
        }
    }

    @Test
    void aTuneInALoopTakesEffectOnTheNextPass() throws Exception {
        Scripts.write(dir, "t/Wanderer.java", """
                package t;

                import dev.pitstop.api.*;

                public class Wanderer implements Behaviour {
                    static final float TURN = 0.4f;

                    @Override
                    public void update(Agent self, World world) {
                        float heading = self.memory().getFloat("heading", world.random() * 6.28f);
                        heading += (world.random() - 0.5f) * TURN;
                        self.memory().putFloat("heading", heading);
                        self.setVelocity((float) Math.cos(heading) * 80f, (float) Math.sin(heading) * 80f);
                    }
                }
                """);
        try (RunningEngine e = RunningEngine.headless("--scripts", dir.toString(), "--spawn", "Wanderer=100",
                "--hz", "240", "--stats-every", "8")) {
            e.await(0, "start");
            int m = e.mark();
            e.send("loop-start");
            Event marked = e.await(m, "loop-marked");
            e.awaitStats(m, (long) marked.get("startTick") + 24);
            m = e.mark();
            e.send("loop-end");
            e.await(m, "loop-closed");
            List<Object> before = checksums(e, m, 2);
            assertEquals(1, new HashSet<>(before).size(), "same scripts: same checksum every pass");

            m = e.mark();
            tune(e, "tune Wanderer.TURN 1.5");
            e.await(m, "swap");
            List<Object> after = checksums(e, e.mark(), 3);
            // The pass the swap landed in is mixed; the next ones run the tuned code from the start.
            assertEquals(after.get(1), after.get(2));
            assertNotEquals(before.get(0), after.get(2), "the loop's checksum shows the tune");
        }
    }

    /** The checksums of the next {@code count} loop passes after event {@code from}. */
    static List<Object> checksums(RunningEngine e, int from, int count) {
        for (int i = 1; i <= count; i++) {
            final int want = i;
            e.await(from, ev -> ev.type().equals("loop") && e.events().subList(from, e.events().size()).stream()
                    .filter(x -> x.type().equals("loop")).count() >= want, "loop pass " + i);
        }
        return e.events().subList(from, e.events().size()).stream().filter(x -> x.type().equals("loop"))
                .limit(count).map(x -> x.get("checksum")).toList();
    }

    static Set<String> names(Event listed) {
        Set<String> s = new HashSet<>();
        items(listed).forEach(i -> s.add((String) i.get("name")));
        return s;
    }
}
