package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.testing.Javac;
import dev.pitstop.testing.Scripts;
import dev.pitstop.world.SlotTable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A shadow copy loads what changed since the copy the last passing shadow run ran, and takes the
 * rest from it: its instances of unchanged behaviours and what its checks found of unchanged
 * classes, which still count in the checks of the new version.
 */
class ShadowCopyTest {

    private final GenerationBuilder builder = new GenerationBuilder(Safety.DEFAULT);
    private final Map<String, String> sources = new TreeMap<>();

    private static final String HELPER = "package t;\npublic final class Helper {\n    public static final float K = %s;\n}\n";

    ShadowCopyTest() {
        sources.put("t/Helper.java", HELPER.formatted("1f"));
        sources.put("t/A.java", Scripts.mover("A", "Helper.K"));
        sources.put("t/B.java", Scripts.mover("B", "2f").replace("static final float SPEED", "static int seen;\n    static final float SPEED"));
        sources.put("t/C.java", Scripts.mover("C", "3f"));
    }

    private GenerationBuilder.Built copy(int number, GenerationBuilder.Built lineage, Collection<String> mustStay)
            throws Rejection {
        GenerationBuilder.Checked checked = builder.check(Javac.compile(sources), Map.of(), SourceLines.NONE);
        return builder.loadShadowCopy(number, checked, Map.of(), mustStay, SlotTable.EMPTY, lineage);
    }

    private static Object instance(GenerationBuilder.Built b, String name) {
        return b.generation().table().byName().get(name);
    }

    @Test
    void onlyWhatChangedIsLoadedAgainAndTheRestKeepsItsInstance() throws Exception {
        GenerationBuilder.Built first = copy(1, null, Set.of());
        assertEquals(Set.of("A", "B", "C"), first.instantiated());

        sources.put("t/C.java", Scripts.mover("C", "4f"));
        GenerationBuilder.Built second = copy(2, first, Set.of());
        assertEquals(Set.of("C"), second.instantiated());
        assertSame(instance(first, "A"), instance(second, "A"));
        assertSame(instance(first, "B"), instance(second, "B"));
        assertNotSame(instance(first, "C"), instance(second, "C"));
        assertTrue(second.warnings().stream().anyMatch(w -> w.contains("t/B.java") && w.contains("seen")),
                "an unchanged class's warning is still given: " + second.warnings());

        sources.put("t/Helper.java", HELPER.formatted("5f"));
        GenerationBuilder.Built third = copy(3, second, Set.of());
        assertEquals(Set.of("A"), third.instantiated(), "a helper's edit reloads its users only");
        assertSame(instance(second, "C"), instance(third, "C"));
    }

    @Test
    void aNewClassIsCheckedAgainstTheUnchangedOnes() throws Exception {
        GenerationBuilder.Built first = copy(1, null, Set.of());
        sources.put("u/B.java", Scripts.mover("B", "2f").replace("package t;", "package u;"));
        Rejection twins = assertThrows(Rejection.class, () -> copy(2, first, Set.of()));
        assertEquals("verify", twins.reason());
        assertTrue(twins.diagnostics().get(0).message().contains("two behaviours are named B (t.B and u.B)"),
                twins.diagnostics().toString());
    }

    @Test
    void aBehaviourInUseThatStopsBeingOneIsRefused() throws Exception {
        GenerationBuilder.Built first = copy(1, null, Set.of("B"));
        sources.put("t/B.java", "package t;\npublic class B {\n}\n");
        Rejection gone = assertThrows(Rejection.class, () -> copy(2, first, List.of("A", "B", "C")));
        assertEquals("verify", gone.reason());
        assertTrue(gone.diagnostics().get(0).message().contains("B is used by entities but is no longer a Behaviour"),
                gone.diagnostics().toString());
    }
}
