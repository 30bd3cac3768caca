package dev.pitstop.reload.bytecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.testing.Javac;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Checking only what changed: never a stale verdict, never a violation let through. */
class CheckMemoryTest {

    private static final String USER = """
            package t;
            public class User {
                public int run(Helper h) {
                    int sum = 0;
                    for (int i = 0; i < 10; i++) {
                        sum += h.go(i);
                    }
                    return sum;
                }
            }
            """;
    private static final String HELPER = """
            package t;
            public class Helper {
                public int go(int i) {
                    return i * %d;
                }
            }
            """;

    private static Map<String, byte[]> compile(int factor) {
        return Javac.compile(Map.of("t/User.java", USER, "t/Helper.java", HELPER.formatted(factor)));
    }

    @Test
    void anEditOfOneClassChecksThatClassAloneAndGivesTheSameBytesForTheRest() {
        CheckMemory memory = new CheckMemory();
        Map<String, byte[]> first = compile(2);
        CheckMemory.Outcome a = memory.check(first);
        assertEquals(2, a.checked());
        Map<String, byte[]> second = compile(3); // the helper's body changed; its outline did not
        assertArrayEquals(first.get("t.User"), second.get("t.User"));
        CheckMemory.Outcome b = memory.check(second);
        assertTrue(b.violations().isEmpty());
        assertEquals(1, b.checked(), "only the helper is checked again");
        assertSame(a.instrumented().get("t.User"), b.instrumented().get("t.User"));
        CheckMemory.Outcome fresh = new CheckMemory().check(second);
        for (String name : second.keySet()) {
            assertArrayEquals(fresh.instrumented().get(name), b.instrumented().get(name),
                    name + ": reused bytes are what a check from scratch makes");
        }
    }

    @Test
    void anOutlineChangeChecksEveryClassAgainSoAKeptClassCannotHideAViolation() {
        CheckMemory memory = new CheckMemory();
        Map<String, byte[]> first = compile(2);
        assertTrue(memory.check(first).violations().isEmpty());
        // The helper no longer declares go(int): the user's unchanged bytes now call a member no
        // line of the table allows (what class files from elsewhere could hold).
        Map<String, byte[]> helperOnly = Javac.compile(Map.of("t/Helper.java", "package t; public class Helper { }"));
        Map<String, byte[]> second = new TreeMap<>(first);
        second.put("t.Helper", helperOnly.get("t.Helper"));
        CheckMemory.Outcome b = memory.check(second);
        assertEquals(2, b.checked());
        assertFalse(b.violations().isEmpty(), "the kept class is scanned again under the new outlines");
        assertEquals("t.User", b.violations().get(0).className());
    }

    @Test
    void aCheckThatFoundAViolationIsNotRemembered() {
        CheckMemory memory = new CheckMemory();
        Map<String, byte[]> clean = compile(2);
        Map<String, byte[]> bad = Javac.compile(Map.of("t/User.java", USER, "t/Helper.java", """
                package t;
                public class Helper {
                    public int go(int i) {
                        System.exit(i);
                        return i;
                    }
                }
                """));
        assertFalse(memory.check(bad).violations().isEmpty());
        CheckMemory.Outcome after = memory.check(clean);
        assertEquals(2, after.checked(), "nothing of the refused attempt was kept");
        assertNotNull(after.instrumented());
    }

    /** The warm-up's rehearsal of an edit: a forgotten class is checked again alone, to the same bytes. */
    @Test
    void aForgottenClassIsCheckedAgainAloneAsAnEditOfItWouldBe() {
        CheckMemory memory = new CheckMemory();
        memory.forget("t.Helper"); // nothing to forget yet: no harm
        Map<String, byte[]> all = compile(2);
        CheckMemory.Outcome full = memory.check(all);
        assertEquals(2, full.checked());
        assertEquals(0, memory.check(all).checked(), "nothing changed, nothing checked");
        memory.forget("t.Helper");
        CheckMemory.Outcome one = memory.check(all);
        assertTrue(one.violations().isEmpty());
        assertEquals(1, one.checked(), "as an edit of the helper is checked");
        for (String name : all.keySet()) {
            assertArrayEquals(full.instrumented().get(name), one.instrumented().get(name), name);
        }
        assertEquals(0, memory.check(all).checked(), "and the memory holds it again");
    }

    @Test
    void theFactsOfAClassAreReadAgainOnlyWhenItsBytesChangeAndForgottenWhenItGoes() {
        CheckMemory memory = new CheckMemory();
        Map<String, byte[]> first = compile(2);
        ClassFacts user = memory.facts("t.User", first.get("t.User"));
        ClassFacts helper = memory.facts("t.Helper", first.get("t.Helper"));
        assertTrue(user.references().contains("t.Helper"), "read from the code: " + user.references());
        Map<String, byte[]> second = compile(3);
        assertSame(user, memory.facts("t.User", second.get("t.User").clone()), "same bytes: the same facts");
        ClassFacts helperAgain = memory.facts("t.Helper", second.get("t.Helper"));
        assertFalse(helper == helperAgain, "other bytes: read again");
        assertEquals(ClassFacts.read(second.get("t.Helper")), helperAgain);
        // A caller that changes its array afterwards does not change what is remembered.
        byte[] mine = second.get("t.User").clone();
        ClassFacts kept = memory.facts("t.User", mine);
        mine[mine.length - 1] ^= 1;
        assertSame(kept, memory.facts("t.User", second.get("t.User")));
        memory.keepFacts(java.util.Set.of("t.Helper"));
        assertFalse(kept == memory.facts("t.User", second.get("t.User")), "a class that went is read anew");
    }
}
