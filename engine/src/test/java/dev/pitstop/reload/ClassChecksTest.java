package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.testing.Javac;
import dev.pitstop.testing.Scripts;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is refused before anything of a version is loaded, and what passes, budgeted. */
class ClassChecksTest {

    static final Safety TRUSTED = new Safety(true, Safety.DEFAULT_BUDGET_UNITS, Safety.DEFAULT_SHADOW_TICKS);

    static Diagnostic refused(Map<String, byte[]> classes, String reason) {
        Rejection r = assertThrows(Rejection.class, () -> ClassChecks.check(classes, Map.of(), SourceLines.NONE,
                Safety.DEFAULT));
        assertEquals(reason, r.reason(), r.diagnostics().toString());
        return r.diagnostics().get(0);
    }

    @Test
    void aClassInTheEnginesOrThePlatformsPackageIsRefused() {
        Map<String, byte[]> classes = Javac.compile(Map.of("dev/pitstop/sim/Mine.java",
                "package dev.pitstop.sim;\npublic class Mine { }\n"));
        Diagnostic d = refused(classes, "verify");
        assertEquals("scripts may not declare classes in package dev.pitstop.sim (it belongs to the engine)", d.message());
        assertEquals("dev.pitstop.sim.Mine", d.file(), "no source known: the class name");
    }

    @Test
    void bytesThatAreNotTheClassTheyAreNamedForAreRefused() {
        byte[] a = Javac.compile(Map.of("t/A.java", Scripts.mover("A", "1f"))).get("t.A");
        assertTrue(refused(Map.of("t.B", a), "verify").message().contains("file holds class t.A, expected t.B"));
        refused(Map.of("t.A", Arrays.copyOf(a, 10)), "verify");
    }

    @Test
    void whatScriptsMayNotUseIsRefusedByFileAndLine() {
        String source = "package t;\npublic class Clock {\n    static long now() {\n        return System.nanoTime();\n    }\n}\n";
        Map<String, byte[]> classes = Javac.compile(Map.of("t/Clock.java", source));
        Rejection r = assertThrows(Rejection.class, () -> ClassChecks.check(classes, Map.of("t.Clock", "t/Clock.java"),
                SourceLines.NONE, Safety.DEFAULT));
        assertEquals("sandbox", r.reason());
        assertEquals("t/Clock.java", r.diagnostics().get(0).file());
        assertEquals(4, r.diagnostics().get(0).line());
        assertTrue(r.diagnostics().get(0).message().contains("System.nanoTime()"), r.diagnostics().toString());
    }

    @Test
    void whatPassesIsBudgetedUnlessTrustedAndEachClassHasItsFile() throws Exception {
        Map<String, byte[]> classes = Javac.compile(Map.of("t/A.java", Scripts.mover("A", "1f")));
        GenerationBuilder.Checked checked = ClassChecks.check(classes, Map.of(), SourceLines.NONE, Safety.DEFAULT);
        assertNotEquals(Arrays.toString(classes.get("t.A")), Arrays.toString(checked.classes().get("t.A")),
                "the work budget is woven in");
        assertEquals("t/A.java", checked.files().get("t.A"), "from the class file's SourceFile");
        GenerationBuilder.Checked trusted = ClassChecks.check(classes, Map.of(), SourceLines.NONE, TRUSTED);
        assertSame(classes, trusted.classes(), "trusted: loaded as compiled");
        assertEquals("t.A", trusted.facts().get("t.A").name());
    }
}
