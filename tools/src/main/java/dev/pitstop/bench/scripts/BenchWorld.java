package dev.pitstop.bench.scripts;

import dev.pitstop.api.Behaviour;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.DebugDraw;
import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.sim.Simulation;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.util.Collection;
import java.util.Map;

/**
 * Sets up a headless world the way {@code ./pitstop run --headless --spawn ...} does (same size,
 * seed, slot numbering and spawn order), so that the benchmark's own hosts start from exactly the
 * world the engine would: the hotswap host, the world-state reference run and the JMH tick.
 * Call it on the thread that will own the simulation.
 */
public final class BenchWorld {

    private BenchWorld() {
    }

    /**
     * @param names      every behaviour name of generation 1 (slots are numbered over all of them)
     * @param behaviours the instances to run, by name; a name left out drives its entities nowhere
     * @param spawnPlan  entities per behaviour, in spawn order
     */
    public static Simulation start(int hz, long seed, Collection<String> names, Map<String, Behaviour> behaviours,
            Map<String, Integer> spawnPlan, EventSink events) {
        WorldState world = new WorldState(hz, seed, WorldState.DEFAULT_WIDTH, WorldState.DEFAULT_HEIGHT);
        // Headless, the player cannot die (as in the engine), so a run never ends by itself.
        world.player.immortal = true;
        world.slots = SlotTable.EMPTY.withAdded(names);
        Simulation sim = new Simulation(world, events, new DebugDraw(false));
        sim.install(new ScriptTable(1, behaviours, ScriptLocator.NONE, world.slots));
        spawnPlan.forEach(sim::spawn);
        return sim;
    }
}
