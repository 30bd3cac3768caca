package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.pitstop.api.Behaviour;
import dev.pitstop.reload.bytecode.ClassFacts;
import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.world.SlotTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Fingerprints: the same code, the same print; a helper's edit reaches its users; what an edit changed. */
class FingerprintsTest {

    /** A class named {@code name} that refers to {@code references}, as its class file would say. */
    static ClassFacts facts(String name, String... references) {
        return new ClassFacts(name, "java.lang.Object", List.of(), null, new TreeSet<>(List.of(references)));
    }

    final Map<String, ClassFacts> facts = Map.of("t.A", facts("t.A", "t.Helper", "java.lang.Object"),
            "t.Helper", facts("t.Helper", "t.Deep"), "t.Deep", facts("t.Deep"), "t.B", facts("t.B"));

    static Map<String, byte[]> bytes(String helper) {
        return Map.of("t.A", new byte[] {1}, "t.Helper", helper.getBytes(StandardCharsets.UTF_8), "t.Deep",
                new byte[] {3}, "t.B", new byte[] {4});
    }

    @Test
    void aHelpersEditChangesItsUsersPrintsAndNoOneElses() {
        Map<String, String> before = Fingerprints.of(facts, bytes("k = 1f"));
        assertEquals(before, Fingerprints.of(facts, bytes("k = 1f")), "the same bytes, the same prints");
        assertEquals(Set.of("t.A", "t.Helper", "t.Deep", "t.B"), before.keySet());
        Map<String, String> after = Fingerprints.of(facts, bytes("k = 5f"));
        assertNotEquals(before.get("t.Helper"), after.get("t.Helper"));
        assertNotEquals(before.get("t.A"), after.get("t.A"), "A reaches the helper");
        assertEquals(before.get("t.B"), after.get("t.B"));
        assertEquals(before.get("t.Deep"), after.get("t.Deep"), "the helper reaches Deep, not the other way");
    }

    @Test
    void reachFollowsScriptClassesOnlyTransitively() {
        assertEquals(List.of("t.A", "t.Deep", "t.Helper"), List.copyOf(Fingerprints.reach("t.A", facts)));
        assertEquals(Set.of("t.Deep"), Fingerprints.reach("t.Deep", facts));
        assertEquals(Set.of(), Fingerprints.reach("java.lang.Object", facts), "not a script class");
    }

    @Test
    void anInstanceIsKeptOnlyWhileItsPrintIsTheSame() {
        Behaviour a = (self, world) -> { };
        Generation earlier = new Generation(3, new ScriptTable(3, Map.of("A", a), ScriptLocator.NONE, SlotTable.EMPTY),
                Map.of(), Map.of("A", "p1"));
        assertSame(a, Fingerprints.keptInstance(earlier, "A", "p1"));
        assertNull(Fingerprints.keptInstance(earlier, "A", "p2"));
        assertNull(Fingerprints.keptInstance(earlier, "B", "p1"));
        assertNull(Fingerprints.keptInstance(null, "A", "p1"));
    }

    @Test
    void betweenTellsWhatWasAddedRemovedAndChangedSorted() {
        Fingerprints.Changes c = Fingerprints.between(Map.of("Orbiter", "o1", "Chaser", "c1", "Sniper", "s1", "Swarm", "w1"),
                Map.of("Swarm", "w1", "Chaser", "c2", "Zeta", "z1", "Alpha", "a1", "Orbiter", "o2"));
        assertEquals(List.of("Alpha", "Zeta"), c.added());
        assertEquals(List.of("Sniper"), c.removed());
        assertEquals(List.of("Chaser", "Orbiter"), c.changed());
        Fingerprints.Changes none = Fingerprints.between(Map.of(), Map.of());
        assertEquals(List.of(), none.added());
    }

    @Test
    void theChangedBehavioursAreThoseWhosePrintIsNotTheLiveOnesAHelpersUsersIncluded() {
        Map<String, String> before = Fingerprints.of(facts, bytes("k = 1f"));
        Behaviour any = (self, world) -> { };
        Generation live = new Generation(4, new ScriptTable(4, Map.of("A", any, "B", any), ScriptLocator.NONE,
                SlotTable.EMPTY), Map.of(), Map.of("A", before.get("t.A"), "B", before.get("t.B")));
        assertEquals(Set.of("Helper", "Deep"), Fingerprints.changedBehaviours(before, live),
                "nothing changed but the classes that are no behaviour of the live generation");
        Map<String, String> after = Fingerprints.of(facts, bytes("k = 5f"));
        assertEquals(Set.of("A", "Helper", "Deep"), Fingerprints.changedBehaviours(after, live),
                "the helper's edit changed A, which uses it, not B");
        assertEquals(Set.of("A", "B", "Helper", "Deep"), Fingerprints.changedBehaviours(after, null),
                "with no live generation, everything is new");
    }
}
