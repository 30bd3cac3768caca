package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.compile.ScriptCompiler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IncrementalCompilerTest {

    private final ScriptCompiler inProcess = new ScriptCompiler(ScriptCompiler.scriptClassPath());
    private final SourceCompiler javac = (sources, compiled) -> CompileResult.of(inProcess.compile(sources, compiled));

    private static SourceSet sources(Map<String, String> files) {
        Map<String, byte[]> m = new TreeMap<>();
        files.forEach((k, v) -> m.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new SourceSet(m);
    }

    private static String constant(String name, String expr) {
        return "package p;\npublic final class " + name + " {\n    public static final int V = " + expr + ";\n}\n";
    }

    @Test
    void aChangeRebuildsItsFileAndEveryFileThatNamesItTransitivelyAndNothingElse() {
        Map<String, String> files = new TreeMap<>(Map.of(
                "p/A.java", constant("A", "1"),
                "p/B.java", constant("B", "A.V + 1"),
                "p/C.java", constant("C", "B.V + 1"),
                "p/D.java", constant("D", "40")));
        IncrementalCompiler inc = new IncrementalCompiler(javac);
        CompileResult first = inc.compile(sources(files));
        assertTrue(first.ok());
        assertEquals(4, first.compiledFiles());

        files.put("p/A.java", constant("A", "100"));
        CompileResult second = inc.compile(sources(files));
        assertTrue(second.ok(), second.errors().toString());
        assertEquals(3, second.compiledFiles(), "A, B (names A) and C (names B); not D");
        CompileResult full = javac.compile(sources(files).files());
        for (String c : full.classes().keySet()) {
            assertArrayEquals(full.classes().get(c), second.classes().get(c), c + " as a full build makes it");
        }
        assertArrayEquals(first.classes().get("p.D"), second.classes().get("p.D"));

        files.put("p/D.java", constant("D", "41"));
        assertEquals(1, inc.compile(sources(files)).compiledFiles(), "D alone");
        assertEquals(0, inc.compile(sources(files)).compiledFiles(), "nothing changed, nothing compiled");
    }

    @Test
    void theWarmUpCompilesForRealButLeavesNothingBehind() {
        Map<String, String> files = new TreeMap<>(Map.of(
                "p/A.java", constant("A", "1"),
                "p/B.java", constant("B", "A.V + 1"),
                "p/D.java", constant("D", "40")));
        int[] compiles = new int[1];
        SourceCompiler counting = (sources, compiled) -> {
            compiles[0]++;
            return javac.compile(sources, compiled);
        };
        IncrementalCompiler inc = new IncrementalCompiler(counting);
        CompileResult first = inc.compile(sources(files));
        inc.warmUp(4, () -> false);
        assertEquals(5, compiles[0], "the full build and four one-file compiles");
        assertTrue(inc.lastResult() == first, "nothing of the warm-up is remembered");
        inc.warmUp(4, () -> true);
        assertEquals(5, compiles[0], "a save waiting stops it before it starts");
        files.put("p/D.java", constant("D", "41"));
        assertEquals(1, inc.compile(sources(files)).compiledFiles(), "the next save compiles against generation 1");
    }

    @Test
    void errorsAreTheOnesAFullBuildReports() {
        Map<String, String> files = new TreeMap<>(Map.of(
                "p/A.java", constant("A", "1"),
                "p/B.java", constant("B", "A.V + 1")));
        IncrementalCompiler inc = new IncrementalCompiler(javac);
        assertTrue(inc.compile(sources(files)).ok());
        files.remove("p/A.java");
        CompileResult broken = inc.compile(sources(files));
        assertFalse(broken.ok());
        assertEquals("p/B.java", broken.errors().get(0).file());
        assertEquals(3, broken.errors().get(0).line());

        files.put("p/A.java", constant("A", "5"));
        CompileResult fixed = inc.compile(sources(files));
        assertTrue(fixed.ok());
        assertEquals(2, fixed.classes().size());
    }

    @Test
    void aCompilerThatGaveUpIsNotAskedAgainWithAFullCompile() {
        Map<String, String> files = new TreeMap<>(Map.of(
                "p/A.java", constant("A", "1"),
                "p/B.java", constant("B", "2")));
        java.util.List<Integer> asked = new java.util.ArrayList<>();
        boolean[] giveUp = {false};
        SourceCompiler flaky = (sources, compiled) -> {
            asked.add(sources.size());
            return giveUp[0] ? CompileResult.gaveUp(new Diagnostic(null, 0, 0, "the compiler gave up: test"), sources.size())
                    : javac.compile(sources, compiled);
        };
        IncrementalCompiler inc = new IncrementalCompiler(flaky);
        assertTrue(inc.compile(sources(files)).ok());
        giveUp[0] = true;
        files.put("p/A.java", constant("A", "2"));
        CompileResult r = inc.compile(sources(files));
        assertTrue(r.gaveUp());
        assertEquals("the compiler gave up: test", r.errors().get(0).message());
        assertEquals(java.util.List.of(2, 1), asked, "the full build, then the one changed file, and no full retry");

        giveUp[0] = false;
        CompileResult next = inc.compile(sources(files));
        assertTrue(next.ok(), "the next attempt builds from the last good one");
        assertEquals(1, next.compiledFiles());
    }
}
