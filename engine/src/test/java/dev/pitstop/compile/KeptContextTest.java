package dev.pitstop.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * javac's context kept between compiles must never let a script's class of one compile stand in
 * for what the next compile is given: each compile sees exactly the classes it is handed, as a
 * fresh javac task would. (The tests run with javac's internals open, as the compile server does.)
 */
class KeptContextTest {

    private static final String HELPER_1 = "package p;\npublic class H {\n    public static final int V = 1;\n}\n";
    private static final String HELPER_2 = "package p;\npublic class H {\n    public static final int V = 2;\n"
            + "    public static int w() {\n        return 3;\n    }\n}\n";
    private static final String USER = "package p;\npublic class U {\n    public int v() {\n        return H.V + H.w();\n    }\n}\n";

    private static Map<String, byte[]> sources(String... pathsAndTexts) {
        Map<String, byte[]> m = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            m.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    private static Map<String, byte[]> only(Compilation c, String className) {
        return Map.of(className, c.classes().get(className));
    }

    @Test
    void eachCompileSeesTheClassesItIsGivenAndNoneFromBefore() {
        ScriptCompiler javac = new ScriptCompiler(ScriptCompiler.scriptClassPath());
        assertEquals("reused", javac.runner(), "the tests open javac's internals as the compile server does");
        Compilation first = javac.compile(sources("p/H.java", HELPER_1, "p/U.java",
                "package p;\npublic class U {\n    public int v() {\n        return H.V;\n    }\n}\n"));
        assertTrue(first.ok(), first.errors().toString());
        Compilation second = javac.compile(sources("p/H.java", HELPER_2));
        assertTrue(second.ok(), second.errors().toString());

        Compilation againstNew = javac.compile(sources("p/U.java", USER), only(second, "p.H"));
        assertTrue(againstNew.ok(), "H as the second compile made it has w(): " + againstNew.errors());
        Compilation againstOld = javac.compile(sources("p/U.java", USER), only(first, "p.H"));
        assertEquals(1, againstOld.errors().size(), againstOld.errors().toString());
        assertTrue(againstOld.errors().get(0).message().startsWith("cannot find symbol (symbol: method w()"),
                againstOld.errors().toString());
        Compilation without = javac.compile(sources("p/U.java", USER));
        assertFalse(without.ok(), "no H given, none remembered");
        assertTrue(javac.compile(sources("p/U.java", USER), only(second, "p.H")).ok());
        assertTrue(javac.checkAgainstFresh(sources("p/U.java", USER), only(second, "p.H")));
        assertEquals("reused", javac.runner());
    }

    @Test
    void sourcesInTheApisOrTheJdksPackagesDoNotStayInTheContext() {
        ScriptCompiler javac = new ScriptCompiler(ScriptCompiler.scriptClassPath());
        Compilation fake = javac.compile(sources("dev/pitstop/api/Agent.java", "package dev.pitstop.api;\npublic class Agent { }\n"));
        assertTrue(fake.ok(), fake.errors().toString());
        javac.compile(sources("java/lang/Evil.java", "package java.lang;\npublic class Evil { }\n"));
        Compilation real = javac.compile(sources("q/Y.java",
                "package q;\nimport dev.pitstop.api.Agent;\npublic class Y {\n    Object f(Agent a) {\n        return a.memory();\n    }\n}\n"));
        assertTrue(real.ok(), "the API's own Agent again: " + real.errors());
    }

    @Test
    void classesInTheUnnamedPackageAreForgottenToo() {
        ScriptCompiler javac = new ScriptCompiler(ScriptCompiler.scriptClassPath());
        Compilation a = javac.compile(sources("A.java", "public class A {\n    public static int f() {\n        return 1;\n    }\n}\n"));
        assertTrue(a.ok(), a.errors().toString());
        assertTrue(javac.compile(sources("B.java", "public class B {\n    int g = A.f();\n}\n"), a.classes()).ok());
        assertFalse(javac.compile(sources("B.java", "public class B {\n    int g = A.f();\n}\n")).ok(),
                "A was not given this time");
    }

    @Test
    void aCompileErrorLeavesTheNextCompileAsAFreshOneWouldBe() {
        ScriptCompiler javac = new ScriptCompiler(ScriptCompiler.scriptClassPath());
        Compilation broken = javac.compile(sources("p/H.java", "package p;\npublic class H {\n    int x = ;\n}\n"));
        assertEquals(1, broken.errors().size(), broken.errors().toString());
        Compilation fixed = javac.compile(sources("p/H.java", HELPER_2));
        assertTrue(fixed.ok(), fixed.errors().toString());
        assertTrue(javac.checkAgainstFresh(sources("p/H.java", HELPER_2), Map.of()));
    }
}
