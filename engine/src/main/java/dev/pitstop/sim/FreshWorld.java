package dev.pitstop.sim;

import dev.pitstop.api.Behaviour;
import dev.pitstop.events.EventSink;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.util.Collection;
import java.util.Map;

/**
 * A fresh world made the one way the engine makes it ({@code ./pitstop run --spawn ...}): the
 * arena's size, the seed, slots numbered over every behaviour name of generation 1 (sorted), and
 * enemies spawned in the order given. The engine, the benchmark's own hosts and the tests all start
 * from it, so they start from the same world. Call it on the thread that will own the simulation.
 */
public final class FreshWorld {

    private FreshWorld() {
    }

    /** An empty arena; headless, the player cannot die, so a run goes on until it is stopped. */
    public static WorldState make(int hz, long seed, boolean headless) {
        WorldState world = new WorldState(hz, seed, WorldState.DEFAULT_WIDTH, WorldState.DEFAULT_HEIGHT);
        world.player.immortal = headless;
        return world;
    }

    /** Numbers the world's slots over generation 1's behaviour names. */
    public static void numberSlots(WorldState world, Collection<String> names) {
        world.slots = SlotTable.EMPTY.withAdded(names);
    }

    /**
     * A headless simulation running {@code behaviours} as generation 1 (without a budget), with
     * {@code spawnPlan}'s entities spawned in its order.
     *
     * @param names every behaviour name of generation 1 (slots are numbered over all of them)
     * @param behaviours the instances to run, by name; a name left out drives its entities nowhere
     */
    public static Simulation headless(int hz, long seed, Collection<String> names, Map<String, Behaviour> behaviours,
            Map<String, Integer> spawnPlan, EventSink events) {
        WorldState world = make(hz, seed, true);
        numberSlots(world, names);
        Simulation sim = new Simulation(world, events, new DebugDraw(false));
        sim.install(new ScriptTable(1, behaviours, ScriptLocator.NONE, world.slots));
        spawnPlan.forEach(sim::spawn);
        return sim;
    }
}
