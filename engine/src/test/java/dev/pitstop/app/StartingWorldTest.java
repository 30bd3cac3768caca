package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.pitstop.world.Checksum;
import dev.pitstop.world.WorldState;
import org.junit.jupiter.api.Test;

class StartingWorldTest {

    @Test
    void eachRestartIsTheStartAgainSharingNothing() {
        WorldState w = new WorldState(60, 42, 1280, 720);
        w.entities.add(w.nextId++, 0, 10, 20, 3);
        long atStart = Checksum.of(w);
        StartingWorld start = new StartingWorld(w, null);
        w.tick = 500;
        w.entities.x[0] = 99;
        w.rng.nextLong();

        WorldState a = start.fresh();
        assertEquals(atStart, Checksum.of(a));
        assertEquals(0, a.tick);
        a.entities.x[0] = 5;
        a.rng.nextLong();
        WorldState b = start.fresh();
        assertNotSame(a, b);
        assertEquals(atStart, Checksum.of(b), "a restart after a restart starts from the start too");
    }
}
