package dev.pitstop.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shadow run's copy of the world, weighted to the behaviours an edit changed. */
class ShadowSampleTest {

    /** 3,000 entities of Changed, 7,000 of the others (interleaved, as spawns and waves leave them). */
    private static WorldState world() {
        WorldState w = new WorldState(60, 1, 1280, 720);
        w.slots = SlotTable.of(List.of("Still", "Changed", "Other"));
        for (int i = 0; i < 10_000; i++) {
            int slot = i % 10 < 3 ? 1 : i % 2 == 0 ? 0 : 2;
            int e = w.entities.add(i + 1, slot, i % 1280, i % 720, 100f);
            w.entities.memory[e].put("seen", EntityMemory.INT, i, 8);
        }
        w.tick = 77;
        return w;
    }

    private static Map<String, Integer> countBySlotName(WorldState w) {
        Map<String, Integer> n = new TreeMap<>();
        for (int i = 0; i < w.entities.count; i++) {
            n.merge(w.slots.name(w.entities.slot[i]), 1, Integer::sum);
        }
        return n;
    }

    @Test
    void theChangedBehaviourGetsUpToItsShareAndTheOthersAFewTakenEvenly() {
        WorldState live = world();
        WorldState copy = live.sample(Set.of("Changed"), 128, 64, 0);
        Map<String, Integer> n = countBySlotName(copy);
        assertEquals(128, n.get("Changed"), n.toString());
        assertEquals(64, n.get("Still") + n.get("Other"), n.toString());
        assertTrue(n.get("Still") > 20 && n.get("Other") > 20, "the others evenly, both kinds: " + n);
        // Evenly across the list: the first and the last of the changed behaviour's entities are far apart.
        int first = Integer.MAX_VALUE;
        int last = 0;
        for (int i = 0; i < copy.entities.count; i++) {
            if (copy.entities.slot[i] == 1) {
                first = Math.min(first, copy.entities.id[i]);
                last = Math.max(last, copy.entities.id[i]);
            }
        }
        assertTrue(first < 100 && last > 9_000, "from " + first + " to " + last);
        assertEquals(77, copy.tick);
    }

    @Test
    void aBehaviourWithFewEntitiesBringsThemAllAndNoFocusBringsOnlyTheOthersShare() {
        WorldState live = new WorldState(60, 1, 1280, 720);
        live.slots = SlotTable.of(List.of("Rare", "Common"));
        for (int i = 0; i < 2_000; i++) {
            live.entities.add(i + 1, i % 200 == 0 ? 0 : 1, 1, 1, 100f);
        }
        assertEquals(Map.of("Rare", 10, "Common", 64), countBySlotName(live.sample(Set.of("Rare"), 128, 64, 512)));
        // Nothing in focus (a behaviour no entity uses yet): the others' share alone, at most.
        int none = live.sample(Set.of("Gone"), 128, 64, 512).entities.count;
        assertTrue(none > 32 && none <= 64, "got " + none);
        assertEquals(none, live.sample(Set.of(), 128, 64, 512).entities.count);
        assertEquals(0, live.sample(Set.of(), 128, 0, 512).entities.count);
    }

    @Test
    void anEditThatChangedManyBehavioursGivesEachNoFewerThanAnEvenSampleWould() {
        WorldState live = world(); // 3,000 Changed, 7,000 others
        // An even sample of 512 takes 154 of the 3,000: more than 128, so 154.
        assertEquals(154, countBySlotName(live.sample(Set.of("Changed"), 128, 64, 512)).get("Changed"));
        // Every behaviour changed (a helper they all use): the whole even sample's 512, no others left.
        WorldState all = live.sample(Set.of("Still", "Changed", "Other"), 128, 64, 512);
        assertEquals(512, all.entities.count);
        // One behaviour in ten: its 128, as before.
        WorldState small = new WorldState(60, 1, 1280, 720);
        small.slots = SlotTable.of(List.of("Changed", "Other"));
        for (int i = 0; i < 10_000; i++) {
            small.entities.add(i + 1, i % 10 == 0 ? 0 : 1, 1, 1, 100f);
        }
        assertEquals(128, countBySlotName(small.sample(Set.of("Changed"), 128, 64, 512)).get("Changed"));
    }

    @Test
    void theCopySharesNothingMutableWithTheLiveWorld() {
        WorldState live = world();
        WorldState copy = live.sample(Set.of("Changed"), 128, 64, 0);
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < copy.entities.count; i++) {
            assertTrue(ids.add(copy.entities.id[i]), "each entity once");
            int id = copy.entities.id[i];
            int from = id - 1;
            assertEquals(live.entities.x[from], copy.entities.x[i]);
            assertNotSame(live.entities.memory[from], copy.entities.memory[i]);
            assertEquals(from, copy.entities.memory[i].rawValue(copy.entities.memory[i].indexOf("seen")));
            copy.entities.memory[i].put("seen", EntityMemory.INT, -5, 8);
            copy.entities.x[i] = -1f;
            assertEquals(from, live.entities.memory[from].rawValue(live.entities.memory[from].indexOf("seen")),
                    "the live memory is untouched");
            assertTrue(live.entities.x[from] >= 0f);
        }
        assertNotSame(live.entities, copy.entities);
        assertNotSame(live.projectiles, copy.projectiles);
    }
}
