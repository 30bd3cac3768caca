package dev.pitstop.reload;

import dev.pitstop.api.Behaviour;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.DebugDraw;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.sim.Simulation;
import dev.pitstop.world.WorldState;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the behaviours a new live generation made new instances of for a few ticks on a throwaway
 * copy of the world before they go live, so that the JIT has compiled their classes (and their
 * lambdas and string concatenations are linked) by the time they carry every entity of the live
 * game: what keeps the swap tick as fast as the others. The shadow run cannot do this any more, as
 * it runs classes of its own.
 *
 * <p>Only those new instances run; entities of other behaviours stand still, and everything the
 * run emits (faults, logs) goes nowhere: the shadow run has judged this code already. Kept
 * instances of earlier generations never run here, as the game thread is running them. These are
 * the classes that go live, so static fields they write carry into the live game, as static
 * initializers' do (scripts are warned off mutable statics).
 *
 * <p>Reload coordinator's {@link ScriptWorker} only.
 */
final class WarmUp {

    private WarmUp() {
    }

    /**
     * The name of the thread while it warms up: a breakpoint in a changed script stops here too,
     * after the shadow run ({@code pitstop-shadow}) and before the live game ({@code pitstop-game}).
     */
    static final String THREAD_NAME = "pitstop-warm-up";

    /** Runs {@code ticks} ticks of {@code copy} with the behaviours {@code names} of {@code table}. */
    static void run(ScriptTable table, Set<String> names, WorldState copy, int ticks) {
        Map<String, Behaviour> fresh = new TreeMap<>(table.byName());
        fresh.keySet().retainAll(names);
        if (fresh.isEmpty()) {
            return;
        }
        Simulation sim = new Simulation(copy, EventSink.NONE, new DebugDraw(false));
        sim.install(new ScriptTable(table.generation(), fresh, table.locator(), copy.slots, table.budgetUnits()));
        Thread me = Thread.currentThread();
        String name = me.getName();
        me.setName(THREAD_NAME);
        try {
            for (int i = 0; i < ticks; i++) {
                sim.tick(PlayerInput.NONE);
            }
        } finally {
            me.setName(name);
        }
    }
}
