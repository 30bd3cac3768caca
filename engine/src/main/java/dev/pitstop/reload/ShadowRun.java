package dev.pitstop.reload;

import dev.pitstop.events.Event;
import dev.pitstop.sim.DebugDraw;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.sim.Simulation;
import dev.pitstop.world.WorldState;

/**
 * Runs a candidate generation on a copy of the world for a few ticks, off the game thread, before
 * it may go live: a script that throws on the situation at hand is caught here and the live game
 * never sees it. The copy belongs to this run alone; script logs and debug drawing from it go
 * nowhere.
 *
 * <p>The table it runs is the generation's shadow copy ({@link GenerationBuilder#loadShadowCopy}):
 * classes defined in a loader of their own and fresh instances of the behaviours whose code
 * changed, the others being instances earlier shadow runs ran (never live ones). So the run shares
 * no object, no static field and no view with the live game, whose thread runs at the same time. A
 * script that keeps what it is handed in a static, or locks a JDK monitor, meets only the shadow
 * runs' own.
 *
 * <p>Reload coordinator's {@link ScriptWorker} only.
 */
final class ShadowRun {

    /** The first fault of a shadow run: the behaviour, its text (with file:line), and when. */
    record Fault(String behaviour, String error, long tick) { }

    private ShadowRun() {
    }

    /**
     * The name of the thread while it runs the new code on the copy: a breakpoint in a script stops
     * here first, and a debugger's thread list tells it from the live game's ({@code pitstop-game}).
     */
    static final String THREAD_NAME = "pitstop-shadow";

    /** @return the first fault, or null if {@code ticks} ticks ran clean */
    static Fault run(ScriptTable table, WorldState copy, int ticks) {
        Fault[] first = new Fault[1];
        Simulation sim = new Simulation(copy, (Event e) -> {
            if (first[0] == null && e.type().equals("fault")) {
                first[0] = new Fault(String.valueOf(e.get("behaviour")), String.valueOf(e.get("error")), e.tick());
            }
        }, new DebugDraw(false));
        sim.install(table);
        Thread me = Thread.currentThread();
        String name = me.getName();
        me.setName(THREAD_NAME);
        try {
            for (int i = 0; i < ticks && first[0] == null; i++) {
                sim.tick(PlayerInput.NONE);
            }
        } finally {
            me.setName(name);
        }
        return first[0];
    }
}
