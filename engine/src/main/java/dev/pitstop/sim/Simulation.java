package dev.pitstop.sim;

import dev.pitstop.events.EventSink;
import dev.pitstop.guard.WorkBudget;
import dev.pitstop.world.Entities;
import dev.pitstop.world.Grid;
import dev.pitstop.world.Player;
import dev.pitstop.world.Wave;
import dev.pitstop.world.Waves;
import dev.pitstop.world.WorldState;
import java.util.List;

/**
 * One tick of the game, in order: the game's rules for the player ({@link GameRules}), the live
 * behaviours through their slots ({@link ScriptDispatch}), movement, shots, deaths, waves. Owns the
 * world being simulated, its grid and the live {@link ScriptTable}. Game thread only; a shadow run
 * makes its own instance on a copy of the world and drives it from another thread.
 */
public final class Simulation {

    private final EventSink events;
    private final DebugDraw debug;
    private final ScriptDispatch dispatch;
    private final FaultCollector faults;
    private WorldState world;
    private Grid grid;
    private ScriptLog log;
    private ScriptTable scripts = ScriptTable.empty();

    public Simulation(WorldState world, EventSink events, DebugDraw debug) {
        this.events = events;
        this.debug = debug;
        this.dispatch = new ScriptDispatch(debug);
        this.faults = dispatch.faults;
        replaceWorld(world);
    }

    public WorldState world() {
        return world;
    }

    /** Swaps in another world (a restored snapshot, a loop's start); the live scripts stay. */
    public void replaceWorld(WorldState w) {
        world = w;
        grid = new Grid(w.width, w.height);
        grid.build(w.entities);
        log = new ScriptLog(w, events);
        dispatch.current.world = new WorldView(w, grid, debug, log);
        scripts = scripts.alignedTo(w.slots);
    }

    public ScriptTable scripts() {
        return scripts;
    }

    /** Makes {@code table} the live generation: entities keep their slots, slots get new instances. */
    public void install(ScriptTable table) {
        scripts = table.alignedTo(world.slots);
    }

    public DebugDraw debugDraw() {
        return debug;
    }

    /**
     * The wall-clock time one behaviour's updates may take in one tick on the game thread: two
     * backstops, since a version's first live tick runs cold (10,000 updates interpreted took a
     * quarter of a second on a busy 2-core machine). The count's per-tick share stops ordinary
     * floods of updates first; this catches what it cannot price.
     */
    public static final long BEHAVIOUR_TICK_CAP_MILLIS = 2 * WorkBudget.BACKSTOP_MILLIS;

    /**
     * Caps the wall-clock time one behaviour's updates may take in one tick (0: no cap): past it,
     * its other entities sit the tick out and it counts as an overrun, so thousands of updates
     * each under the backstop cannot freeze the game either. For the game thread's simulation;
     * a shadow run, off the game thread, has its deadline instead.
     */
    public void capBehaviourTime(long millis) {
        dispatch.capTime(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** Spawns {@code count} enemies driven by {@code behaviour} at seeded positions away from the player. */
    public void spawn(String behaviour, int count) {
        int slot = world.slots.slotOf(behaviour);
        if (slot < 0) {
            world.slots = world.slots.withAdded(List.of(behaviour));
            scripts = scripts.alignedTo(world.slots);
            slot = world.slots.slotOf(behaviour);
        }
        Entities e = world.entities;
        Player p = world.player;
        float margin = Entities.RADIUS;
        for (int n = 0; n < count; n++) {
            float x = 0;
            float y = 0;
            for (int attempt = 0; attempt < 10; attempt++) {
                x = world.rng.range(margin, world.width - margin);
                y = world.rng.range(margin, world.height - margin);
                float dx = x - p.x;
                float dy = y - p.y;
                if (dx * dx + dy * dy >= Rules.SPAWN_CLEARANCE * Rules.SPAWN_CLEARANCE) {
                    break;
                }
            }
            e.add(world.nextId++, slot, x, y, Rules.ENEMY_HEALTH);
        }
        grid.build(e);
    }

    /** Advances the world by one fixed step. */
    public void tick(PlayerInput input) {
        WorldState w = world;
        float dt = w.dtSeconds();
        dispatch.reset();
        debug.clear();
        GameRules.rememberPositions(w);
        GameRules.coolDown(w, dt);
        GameRules.steerPlayer(w, input, dt);
        dispatch.run(w, scripts, log);
        GameRules.moveEntities(w, dt);
        grid.build(w.entities);
        GameRules.moveShots(w, grid, dt);
        GameRules.hitPlayerByContact(w, grid);
        if (w.entities.removeDead() > 0) {
            grid.build(w.entities);
        }
        w.projectiles.removeSpent();
        advanceWaves(w);
        w.tick++;
        faults.emit(events, w.tick);
    }



    private void advanceWaves(WorldState w) {
        Waves waves = w.waves;
        if (waves.finished()) {
            return;
        }
        waves.ticksSinceWave++;
        Wave next = waves.waves().get(waves.next);
        long dueTicks = (long) Math.ceil(next.afterSeconds() * w.hz);
        boolean clear = waves.next > 0 && w.entities.count == 0;
        if (waves.ticksSinceWave >= dueTicks || clear) {
            waves.next++;
            waves.ticksSinceWave = 0;
            for (Wave.Spawn s : next.spawns()) {
                spawn(s.behaviour(), s.count());
            }
        }
    }

    /** Faults in the last tick. */
    public int lastTickFaults() {
        return faults.tickFaults();
    }

    /** Updates stopped by their work budget in the last tick. */
    public int lastTickOverruns() {
        return faults.tickOverruns();
    }

    /** The last tick's first fault, or null. */
    public ScriptFault lastTickFirstFault() {
        return faults.tickFirst();
    }

    /** Faults since the last call. */
    public long takeFaultsSinceStats() {
        return faults.takeSinceStats();
    }

    /** Mean nanoseconds of one behaviour update since the last call, or 0. */
    public double takeMeanUpdateNanos() {
        return dispatch.takeMeanUpdateNanos();
    }

}
