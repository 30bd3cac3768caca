package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The copy of the world a shadow run asks for: weighted to the edit in a large world, whole in a small one. */
class WorldLinkTest {

    private static WorldState world(int entities) {
        WorldState w = new WorldState(60, 1, 1280, 720);
        w.slots = SlotTable.of(List.of("Changed", "Other"));
        for (int i = 0; i < entities; i++) {
            w.entities.add(i + 1, i % 4 == 0 ? 0 : 1, 1, 1, 100f);
        }
        return w;
    }

    private static WorldState served(WorldState live, Set<String> focus) throws Exception {
        WorldLink link = new WorldLink();
        CompletableFuture<WorldState> copy = link.request(focus);
        link.serve(live);
        return copy.get();
    }

    @Test
    void aLargeWorldIsSampledForTheEditAndASmallOneCopiedWhole() throws Exception {
        WorldState large = world(10_000);
        WorldState copy = served(large, Set.of("Changed"));
        assertEquals(WorldLink.SHADOW_FOCUS_ENTITIES + WorldLink.SHADOW_OTHER_ENTITIES, copy.entities.count);
        int changed = 0;
        for (int i = 0; i < copy.entities.count; i++) {
            changed += copy.entities.slot[i] == 0 ? 1 : 0;
        }
        assertEquals(WorldLink.SHADOW_FOCUS_ENTITIES, changed);

        WorldState small = world(WorldLink.SHADOW_SAMPLE_ENTITIES);
        WorldState whole = served(small, Set.of("Changed"));
        assertEquals(small.entities.count, whole.entities.count, "no entity left out of a small world");
        assertNotSame(small.entities, whole.entities);
        int even = served(large, null).entities.count;
        assertTrue(even > WorldLink.SHADOW_SAMPLE_ENTITIES * 9 / 10 && even <= WorldLink.SHADOW_SAMPLE_ENTITIES,
                "the warm-up's even sample: " + even);
    }

    @Test
    void aCopyIsServedOnceAndAWithdrawnRequestNotAtAll() {
        WorldLink link = new WorldLink();
        CompletableFuture<WorldState> withdrawn = link.request(Set.of());
        link.withdraw(withdrawn);
        link.serve(world(10));
        assertFalse(withdrawn.isDone());
        CompletableFuture<WorldState> wanted = link.request(Set.of());
        link.serve(world(10));
        link.serve(world(20));
        assertEquals(10, wanted.join().entities.count);
    }
}
