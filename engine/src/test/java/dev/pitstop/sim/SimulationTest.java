package dev.pitstop.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.Body;
import dev.pitstop.api.Memory;
import dev.pitstop.api.World;
import dev.pitstop.events.Event;
import dev.pitstop.testing.TestWorlds;
import dev.pitstop.world.Checksum;
import dev.pitstop.world.Entities;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.joml.Vector2f;
import org.junit.jupiter.api.Test;

class SimulationTest {

    /** Writes memory, draws random numbers, sets a velocity, fires, then throws. */
    static final class WritesThenThrows implements Behaviour {
        @Override
        public void update(Agent self, World world) {
            self.memory().putInt("poison", 1);
            world.random();
            self.setVelocity(999f, 999f);
            self.fire(1f, 0f);
            throw new IllegalStateException("boom");
        }
    }

    /** Casts the views it gets to JOML's mutable type and writes to them. */
    static final class Vandal implements Behaviour {
        @Override
        public void update(Agent self, World world) {
            ((Vector2f) self.position()).set(-5f, -5f);
            ((Vector2f) self.velocity()).set(77f, 77f);
            ((Vector2f) world.playerPosition()).set(1f, 1f);
            world.forEachNeighbour(self, 1000f, b -> ((Vector2f) b.position()).set(3f, 3f));
        }
    }

    private static Simulation sim(Map<String, Behaviour> scripts, Map<String, Integer> spawns, List<Event> events) {
        Simulation s = TestWorlds.simulation(3, scripts, spawns);
        if (events != null) {
            WorldState w = s.world();
            Simulation withEvents = new Simulation(w, events::add, new DebugDraw(false));
            withEvents.install(s.scripts());
            return withEvents;
        }
        return s;
    }

    @Test
    void aThrowingBehaviourChangesNothingAndTheOthersStillMove() {
        List<Event> events = new CopyOnWriteArrayList<>();
        Simulation s = sim(Map.of("Bad", new WritesThenThrows(), "Right", new TestWorlds.Right()),
                Map.of("Bad", 500, "Right", 5), events);
        WorldState w = s.world();
        Entities e = w.entities;
        float[] x0 = java.util.Arrays.copyOf(e.x, e.count);
        long rng0 = w.rng.state();
        TestWorlds.run(s, 10);
        int badSlot = w.slots.slotOf("Bad");
        for (int i = 0; i < e.count; i++) {
            if (e.slot[i] == badSlot) {
                assertEquals(x0[i], e.x[i], "a faulting entity does not move");
                assertEquals(0f, e.vx[i]);
                assertEquals(0, e.memory[i].size(), "its memory writes were discarded");
            } else {
                assertEquals(x0[i] + 10f * 10 / 60f, e.x[i], 1e-3f, "the others still move");
            }
        }
        assertEquals(rng0, w.rng.state(), "its random draws were undone");
        assertEquals(0, w.projectiles.count, "its shots were discarded");
        List<Event> faults = events.stream().filter(ev -> ev.type().equals("fault")).toList();
        assertEquals(10, faults.size(), "one fault event per behaviour per tick");
        Event f = faults.get(0);
        assertEquals("Bad", f.get("behaviour"));
        assertEquals(500, ((Number) f.get("count")).intValue() + ((Number) f.fields().getOrDefault("skipped", 0)).intValue());
        assertTrue(String.valueOf(f.get("error")).contains("boom"), String.valueOf(f.get("error")));
    }

    @Test
    void viewsCannotWriteTheWorld() {
        Simulation s = sim(Map.of("Vandal", new Vandal()), Map.of("Vandal", 50), null);
        WorldState before = s.world().copy();
        TestWorlds.run(s, 1);
        WorldState w = s.world();
        assertEquals(before.player.x, w.player.x);
        for (int i = 0; i < w.entities.count; i++) {
            assertEquals(before.entities.x[i], w.entities.x[i], "position untouched");
            assertEquals(0f, w.entities.vx[i], "velocity untouched (the vandal never calls setVelocity)");
        }
    }

    @Test
    void installingAGenerationChangesNothingOfTheWorld() {
        Simulation s = TestWorlds.simulation(5, Map.of("Busy", new TestWorlds.Busy()), Map.of("Busy", 400));
        TestWorlds.run(s, 90);
        long before = Checksum.of(s.world());
        s.install(TestWorlds.table(2, Map.of("Busy", new TestWorlds.Busy()), s.world().slots));
        assertEquals(before, Checksum.of(s.world()));
        assertEquals(2, s.scripts().generation());
    }

    @Test
    void orphansStandStillAndResumeWhenTheirBehaviourReturns() {
        Simulation s = TestWorlds.simulation(5, Map.of("Right", new TestWorlds.Right()), Map.of("Right", 10));
        TestWorlds.run(s, 5);
        s.install(TestWorlds.table(2, Map.of(), s.world().slots));
        float x = s.world().entities.x[0];
        TestWorlds.run(s, 5);
        assertEquals(x, s.world().entities.x[0]);
        assertEquals(0f, s.world().entities.vx[0]);
        s.install(TestWorlds.table(3, Map.of("Right", new TestWorlds.Right()), s.world().slots));
        TestWorlds.run(s, 6);
        assertEquals(x + 1f, s.world().entities.x[0], 1e-3f);
    }

    @Test
    void boundsKeepEntitiesInsideAndTheirSpeed() {
        Behaviour fast = (self, world) -> {
            if (world.tick() == 0) {
                self.setVelocity(900f, -700f);
            }
        };
        Simulation s = TestWorlds.simulation(9, Map.of("Fast", fast), Map.of("Fast", 100));
        TestWorlds.run(s, 600);
        WorldState w = s.world();
        for (int i = 0; i < w.entities.count; i++) {
            assertTrue(w.entities.x[i] >= 0 && w.entities.x[i] <= w.width);
            assertTrue(w.entities.y[i] >= 0 && w.entities.y[i] <= w.height);
            assertEquals(900f, Math.abs(w.entities.vx[i]));
            assertEquals(700f, Math.abs(w.entities.vy[i]));
        }
    }

    @Test
    void neighbourQueryMatchesBruteForceAndIsCapped() {
        Map<Integer, Set<Integer>> seen = new LinkedHashMap<>();
        Behaviour looker = (self, world) -> {
            Set<Integer> ids = new HashSet<>();
            world.forEachNeighbour(self, 50f, (Body b) -> ids.add(b.id()));
            seen.put(self.id(), ids);
        };
        Simulation s = TestWorlds.simulation(11, Map.of("Looker", looker), Map.of("Looker", 800));
        WorldState w = s.world();
        TestWorlds.run(s, 1); // the query ran on positions at the tick's start
        Entities e = w.entities;
        for (int i = 0; i < e.count; i++) {
            Set<Integer> expected = new HashSet<>();
            for (int j = 0; j < e.count; j++) {
                float dx = e.prevX[j] - e.prevX[i];
                float dy = e.prevY[j] - e.prevY[i];
                if (i != j && dx * dx + dy * dy <= 50f * 50f) {
                    expected.add(e.id[j]);
                }
            }
            assertEquals(expected, seen.get(e.id[i]), "neighbours of " + e.id[i]);
        }

        List<Integer> counts = new ArrayList<>();
        Behaviour greedy = (self, world) -> {
            int[] n = {0};
            world.forEachNeighbour(self, 1e9f, b -> n[0]++);
            counts.add(n[0]);
        };
        Simulation crowd = TestWorlds.simulation(11, Map.of("Greedy", greedy), Map.of("Greedy", 300));
        TestWorlds.run(crowd, 1);
        assertTrue(counts.stream().allMatch(c -> c == World.MAX_NEIGHBOURS), "capped at " + World.MAX_NEIGHBOURS);
    }

    @Test
    void memoryTypesAreSeparateAndSurviveTicks() {
        Behaviour b = (self, world) -> {
            var m = self.memory();
            m.putInt("i", m.getInt("i", 0) + 1);
            m.putFloat("f", m.getFloat("f", 0f) + 0.5f);
            self.setVelocity(m.getFloat("i", -1f), m.getInt("f", -2));
        };
        Simulation s = TestWorlds.simulation(1, Map.of("B", b), Map.of("B", 1));
        TestWorlds.run(s, 4);
        WorldState w = s.world();
        assertEquals(-1f, w.entities.vx[0], "an int key read as a float gives the fallback");
        assertEquals(-2f, w.entities.vy[0]);
        var mem = w.entities.memory[0];
        assertEquals(4, mem.rawValue(mem.indexOf("i")));
        assertEquals(2f, Float.intBitsToFloat(mem.rawValue(mem.indexOf("f"))));
    }

    @Test
    void slotsAreNumberedBySortedName() {
        SlotTable t = SlotTable.EMPTY.withAdded(List.of("Sniper", "Chaser", "Orbiter"));
        assertEquals(List.of("Chaser", "Orbiter", "Sniper"), t.names());
        SlotTable grown = t.withAdded(List.of("Zed", "Alpha", "Chaser"));
        assertEquals(List.of("Chaser", "Orbiter", "Sniper", "Alpha", "Zed"), grown.names(), "old slots keep their numbers");
    }

    @Test
    void scriptLogsAreRateLimited() {
        List<Event> events = new CopyOnWriteArrayList<>();
        Behaviour chatty = (self, world) -> world.log("hello from " + self.id());
        Simulation s = sim(Map.of("Chatty", chatty), Map.of("Chatty", 1000), events);
        TestWorlds.run(s, 60);
        long logs = events.stream().filter(e -> e.type().equals("log")).count();
        assertTrue(logs > 0 && logs <= 20, "logs " + logs);
        assertNotEquals(0, logs);
    }

    /** Keeps what its first update was handed, and uses it in every later update, catching the refusal. */
    static final class Keeper implements Behaviour {
        Agent agent;
        World world;
        Memory memory;
        Body neighbour;
        final List<String> refused = new ArrayList<>();

        @Override
        public void update(Agent self, World w) {
            if (agent == null) {
                agent = self;
                world = w;
                memory = self.memory();
                w.forEachNeighbour(self, 1e9f, b -> neighbour = neighbour == null ? b : neighbour);
                return;
            }
            List<Runnable> uses = List.of(() -> agent.setVelocity(99f, 99f), () -> agent.fire(1f, 0f),
                    () -> agent.position(), () -> world.random(), () -> world.log("stale"),
                    () -> memory.putInt("stale", 1), () -> neighbour.position(), () -> agent.memory());
            for (Runnable use : uses) {
                try {
                    use.run();
                    refused.add("allowed");
                } catch (IllegalStateException e) {
                    refused.add(e.getMessage());
                }
            }
        }
    }

    @Test
    void viewsKeptFromAnEarlierUpdateAreRefusedAndChangeNothing() {
        List<Event> events = new CopyOnWriteArrayList<>();
        Keeper keeper = new Keeper();
        Simulation s = sim(Map.of("Keeper", keeper), Map.of("Keeper", 20), events);
        WorldState w = s.world();
        long rng0 = w.rng.state();
        int firstId = w.entities.id[0];
        TestWorlds.run(s, 3);
        assertEquals(8 * (3 * 20 - 1), keeper.refused.size(), "every use after the first update was tried");
        assertTrue(keeper.refused.stream().noneMatch("allowed"::equals), keeper.refused.toString());
        String first = keeper.refused.get(0);
        assertTrue(first.startsWith("stopped: the Agent handed to an earlier update (tick 0, entity " + firstId
                + ") was used in the update of entity " + w.entities.id[1] + " in tick 0"), first);
        assertTrue(keeper.refused.get(3).startsWith("stopped: the World handed to an earlier update"), keeper.refused.get(3));
        assertTrue(keeper.refused.get(5).startsWith("stopped: the Memory handed to an earlier update"), keeper.refused.get(5));
        assertTrue(keeper.refused.get(6).startsWith("stopped: the Body (from World.forEachNeighbour) handed to an earlier update"),
                keeper.refused.get(6));
        assertTrue(keeper.refused.get(8 * 20).contains("in tick 1"), keeper.refused.get(8 * 20));
        assertEquals(rng0, w.rng.state(), "no random number was drawn through the kept World");
        assertEquals(0, w.projectiles.count, "no shot was fired through the kept Agent");
        for (int i = 0; i < w.entities.count; i++) {
            assertEquals(0f, w.entities.vx[i], "no velocity was set through the kept Agent");
            assertEquals(0, w.entities.memory[i].size(), "no memory was written through the kept Memory");
        }
        assertTrue(events.stream().noneMatch(e -> e.type().equals("log")), "nothing was logged through the kept World");
    }

    @Test
    void aViewUsedFromAnotherThreadIsRefusedEvenDuringItsUpdate() throws Exception {
        String[] refusal = new String[1];
        Behaviour handsOff = (self, world) -> {
            Thread other = new Thread(() -> {
                try {
                    self.setVelocity(50f, 0f);
                } catch (IllegalStateException e) {
                    refusal[0] = e.getMessage();
                }
            }, "elsewhere");
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        };
        Simulation s = TestWorlds.simulation(4, Map.of("HandsOff", handsOff), Map.of("HandsOff", 1));
        TestWorlds.run(s, 1);
        assertEquals(0f, s.world().entities.vx[0]);
        assertTrue(refusal[0] != null && refusal[0].contains("was used from another thread (elsewhere)"), refusal[0]);
    }
}
