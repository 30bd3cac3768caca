package dev.pitstop.sim;

import dev.pitstop.api.Behaviour;
import dev.pitstop.events.EventSink;
import dev.pitstop.guard.Stopwatch;
import dev.pitstop.guard.WorkBudget;
import dev.pitstop.world.Entities;
import dev.pitstop.world.Grid;
import dev.pitstop.world.Player;
import dev.pitstop.world.Projectiles;
import dev.pitstop.world.Wave;
import dev.pitstop.world.Waves;
import dev.pitstop.world.WorldState;
import java.util.List;

/**
 * One tick of the game: player, behaviours through their slots, movement, shots, deaths, waves.
 * Owns the views scripts see (valid only during the update they are handed to, see
 * {@link CurrentUpdate}) and the live {@link ScriptTable}. Game thread only; a shadow run makes its
 * own instance on a copy of the world and drives it from another thread.
 */
public final class Simulation {

    private final EventSink events;
    private final DebugDraw debug;
    private final CurrentUpdate current = new CurrentUpdate();
    private final AgentView agent = current.agent;
    private final FaultCollector faults = new FaultCollector();
    private WorldState world;
    private Grid grid;
    private ScriptLog log;
    private ScriptTable scripts = ScriptTable.empty();
    private long updateNanos;
    private long[] tickUnits = new long[8];
    private long[] tickNanos = new long[8];
    private long[] tickBytes = new long[8];
    private long behaviourTimeCapNanos;
    /** This tick's time less what a debugger held, on the game thread: no behaviour's total exceeds it. */
    private Stopwatch tickClock;
    private long updates;

    public Simulation(WorldState world, EventSink events, DebugDraw debug) {
        this.events = events;
        this.debug = debug;
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
        current.world = new WorldView(w, grid, debug, log);
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
        behaviourTimeCapNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
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
        faults.reset();
        java.util.Arrays.fill(tickUnits, 0L);
        java.util.Arrays.fill(tickNanos, 0L);
        java.util.Arrays.fill(tickBytes, 0L);
        debug.clear();
        rememberPositions(w);
        coolDown(w, dt);
        steerPlayer(w, input, dt);
        runBehaviours(w);
        moveEntities(w, dt);
        grid.build(w.entities);
        moveShots(w, dt);
        hitPlayerByContact(w);
        if (w.entities.removeDead() > 0) {
            grid.build(w.entities);
        }
        w.projectiles.removeSpent();
        advanceWaves(w);
        w.tick++;
        faults.emit(events, w.tick);
    }

    private static void rememberPositions(WorldState w) {
        Entities e = w.entities;
        System.arraycopy(e.x, 0, e.prevX, 0, e.count);
        System.arraycopy(e.y, 0, e.prevY, 0, e.count);
        Projectiles p = w.projectiles;
        System.arraycopy(p.x, 0, p.prevX, 0, p.count);
        System.arraycopy(p.y, 0, p.prevY, 0, p.count);
        w.player.prevX = w.player.x;
        w.player.prevY = w.player.y;
    }

    private static void coolDown(WorldState w, float dt) {
        Entities e = w.entities;
        float[] cd = e.cooldown;
        for (int i = 0; i < e.count; i++) {
            if (cd[i] > 0f) {
                cd[i] = Math.max(0f, cd[i] - dt);
            }
        }
        Player p = w.player;
        p.cooldown = Math.max(0f, p.cooldown - dt);
        p.invulnerableSeconds = Math.max(0f, p.invulnerableSeconds - dt);
    }

    private static void steerPlayer(WorldState w, PlayerInput in, float dt) {
        Player p = w.player;
        if (p.health <= 0f) {
            p.vx = p.vy = 0f;
            return;
        }
        float mx = clampUnit(in.moveX());
        float my = clampUnit(in.moveY());
        float len = (float) Math.sqrt(mx * mx + my * my);
        if (len > 1f) {
            mx /= len;
            my /= len;
        }
        p.vx = mx * Rules.PLAYER_SPEED;
        p.vy = my * Rules.PLAYER_SPEED;
        p.x = clamp(p.x + p.vx * dt, 0f, w.width);
        p.y = clamp(p.y + p.vy * dt, 0f, w.height);
        if (in.aims()) {
            float ax = in.aimX() - p.x;
            float ay = in.aimY() - p.y;
            float alen = (float) Math.sqrt(ax * ax + ay * ay);
            if (alen > 1e-3f) {
                p.aimX = ax / alen;
                p.aimY = ay / alen;
            }
        }
        if (in.fire() && p.cooldown <= 0f) {
            p.cooldown = Rules.PLAYER_FIRE_COOLDOWN_SECONDS;
            w.projectiles.add(Projectiles.FROM_PLAYER, p.x + p.aimX * Player.RADIUS, p.y + p.aimY * Player.RADIUS,
                    p.aimX * Rules.PLAYER_SHOT_SPEED, p.aimY * Rules.PLAYER_SHOT_SPEED, Rules.PLAYER_SHOT_LIFE_SECONDS);
        }
    }

    private void runBehaviours(WorldState w) {
        Entities e = w.entities;
        Behaviour[] table = scripts.bySlot();
        ScriptLocator locator = scripts.locator();
        long budgetUnits = scripts.budgetUnits();
        boolean budgeted = budgetUnits != ScriptTable.UNLIMITED;
        current.enterTick(budgeted);
        boolean timed = behaviourTimeCapNanos > 0;
        if (timed) {
            if (tickClock == null) {
                tickClock = Stopwatch.start();
            } else {
                tickClock.restart();
            }
        }
        long t0 = System.nanoTime();
        // Wall-clock time per behaviour: the clock is read when the slot changes and every
        // TIME_CHECK_UPDATES updates within a run of one slot, not at every update.
        int timedSlot = -1;
        long timedSince = t0;
        int sinceCheck = 0;
        int ran = 0;
        int n = e.count;
        for (int i = 0; i < n; i++) {
            int slot = e.slot[i];
            if (timed && (slot != timedSlot || ++sinceCheck >= TIME_CHECK_UPDATES)) {
                long now = System.nanoTime();
                if (timedSlot >= 0) {
                    chargeTime(timedSlot, now - timedSince, i > 0 ? e.id[i - 1] : -1);
                }
                timedSlot = slot;
                timedSince = now;
                sinceCheck = 0;
            }
            Behaviour b = slot < table.length ? table[slot] : null;
            if (b == null) {
                e.vx[i] = 0f;
                e.vy[i] = 0f;
                continue;
            }
            if (faults.skipping(slot)) {
                faults.skip(slot);
                continue;
            }
            long rngBefore = w.rng.state();
            int debugBefore = debug.shapes();
            log.current(slot, w.slots.name(slot), e.id[i]);
            ran++;
            if (budgeted) {
                // One update's budget, or what is left of its behaviour's share of the tick if less,
                // so that the update that would pass the share is stopped where it is, on its line.
                long shareLeft = budgetUnits * Rules.TICK_BUDGET_UPDATES - tickUnits(slot);
                if (shareLeft <= 0) {
                    faults.stopForTick(slot, w.slots.name(slot), e.id[i], "stopped: used up " + tickShare(budgetUnits)
                            + skipsTheTick(b));
                    continue;
                }
                WorkBudget.begin(Math.min(budgetUnits, shareLeft), WorkBudget.BACKSTOP_MILLIS,
                        Rules.TICK_ALLOCATION_BYTES - tickBytes(slot),
                        shareLeft < budgetUnits ? tickShare(budgetUnits) : null);
            }
            UpdateView handed = current.begin(e, i, w.tick);
            Throwable failed = null;
            try {
                b.update(handed, handed);
            } catch (Throwable t) {
                failed = t;
            } finally {
                current.end();
                if (budgeted) {
                    chargeTick(slot, WorkBudget.end());
                    if (failed == null) {
                        // Returned, but past the backstop (one long JDK call): a fault all the same.
                        failed = WorkBudget.lastRunBackstop();
                    }
                }
                log.flush();
            }
            if (failed != null) {
                agent.discard();
                w.rng.setState(rngBefore);
                debug.truncate(debugBefore);
                if (budgeted) {
                    // Describing the error may run script code (its getMessage()): under a budget of its own.
                    WorkBudget.begin(budgetUnits);
                }
                try {
                    faults.record(slot, w.slots.name(slot), e.id[i], failed, locator);
                } finally {
                    if (budgeted) {
                        WorkBudget.end();
                    }
                }
                continue;
            }
            if (agent.commit()) {
                e.cooldown[i] = Rules.ENEMY_FIRE_COOLDOWN_SECONDS;
                w.projectiles.add(Projectiles.FROM_ENEMY, e.x[i], e.y[i], agent.fireX() * Rules.ENEMY_SHOT_SPEED,
                        agent.fireY() * Rules.ENEMY_SHOT_SPEED, Rules.ENEMY_SHOT_LIFE_SECONDS);
            }
        }
        long end = System.nanoTime();
        if (timed && timedSlot >= 0) {
            chargeTime(timedSlot, end - timedSince, -1);
        }
        updateNanos += end - t0;
        updates += ran;
    }

    /** How many updates of one behaviour in a row may pass between two readings of the clock. */
    static final int TIME_CHECK_UPDATES = 16;

    /**
     * Adds wall-clock time to a behaviour's total for this tick; past the cap, its other entities
     * skip the tick (a fault that counts as an overrun; in a row, a rollback). Not deterministic:
     * the fault says it was the backstop.
     */
    private void chargeTime(int slot, long nanos, int entityId) {
        if (slot >= tickNanos.length) {
            tickNanos = java.util.Arrays.copyOf(tickNanos, Math.max(slot + 1, tickNanos.length * 2));
        }
        long total = tickNanos[slot] += nanos;
        if (total > behaviourTimeCapNanos) {
            // Time a debugger held the game (a breakpoint in a script) is no behaviour's: at most
            // what passed since the debugger let go counts. Read only here, past the cap: rare.
            total = tickNanos[slot] = Math.min(total, tickClock.elapsedNanos());
        }
        if (total > behaviourTimeCapNanos && !faults.skipping(slot) && slot < world.slots.size()) {
            Behaviour b = slot < scripts.bySlot().length ? scripts.bySlot()[slot] : null;
            faults.stopForTick(slot, world.slots.name(slot), entityId, "stopped: its updates took "
                    + total / 1_000_000 + " ms of wall-clock time in one tick, more than the "
                    + behaviourTimeCapNanos / 1_000_000 + " ms one behaviour may take (the backstop)" + skipsTheTick(b));
        }
    }

    /**
     * Adds an update's work and allocation to its behaviour's totals for this tick. Every update
     * has its own budget, but thousands of updates each just under it would still freeze the game:
     * one behaviour's updates share {@link Rules#TICK_BUDGET_UPDATES} budgets and
     * {@link Rules#TICK_ALLOCATION_BYTES} of allocation a tick, and the update that would pass the
     * share is stopped there (a fault on its line; in a row, a rollback). Deterministic, like the
     * budget.
     */
    private void chargeTick(int slot, long used) {
        if (slot >= tickUnits.length) {
            int n = Math.max(slot + 1, tickUnits.length * 2);
            tickUnits = java.util.Arrays.copyOf(tickUnits, n);
            tickBytes = java.util.Arrays.copyOf(tickBytes, n);
        }
        tickUnits[slot] += used;
        tickBytes[slot] += WorkBudget.lastRunBytes();
    }

    private long tickUnits(int slot) {
        return slot < tickUnits.length ? tickUnits[slot] : 0;
    }

    private long tickBytes(int slot) {
        return slot < tickBytes.length ? tickBytes[slot] : 0;
    }

    private static String tickShare(long budgetUnits) {
        return "its behaviour's share of this tick (" + Rules.TICK_BUDGET_UPDATES + " x --budget, "
                + budgetUnits * Rules.TICK_BUDGET_UPDATES + " units)";
    }

    private String skipsTheTick(Behaviour b) {
        String file = b == null ? null : scripts.locator().sourceOf(b.getClass().getName());
        return "; its other entities skip this tick" + (file == null ? "" : " (" + file + ")");
    }

    private static void moveEntities(WorldState w, float dt) {
        Entities e = w.entities;
        float width = w.width;
        float height = w.height;
        for (int i = 0; i < e.count; i++) {
            float x = e.x[i] + e.vx[i] * dt;
            float y = e.y[i] + e.vy[i] * dt;
            if (x < 0f) {
                x = 0f;
                e.vx[i] = Math.abs(e.vx[i]);
            } else if (x > width) {
                x = width;
                e.vx[i] = -Math.abs(e.vx[i]);
            }
            if (y < 0f) {
                y = 0f;
                e.vy[i] = Math.abs(e.vy[i]);
            } else if (y > height) {
                y = height;
                e.vy[i] = -Math.abs(e.vy[i]);
            }
            e.x[i] = x;
            e.y[i] = y;
        }
    }

    private void moveShots(WorldState w, float dt) {
        Projectiles s = w.projectiles;
        Player p = w.player;
        Entities e = w.entities;
        float hitPlayer = Player.RADIUS + Projectiles.RADIUS;
        float hitEnemy = Entities.RADIUS + Projectiles.RADIUS;
        int[] items = grid.items();
        for (int i = 0; i < s.count; i++) {
            float x = s.x[i] + s.vx[i] * dt;
            float y = s.y[i] + s.vy[i] * dt;
            s.x[i] = x;
            s.y[i] = y;
            s.lifeSeconds[i] -= dt;
            if (x < 0f || y < 0f || x > w.width || y > w.height) {
                s.lifeSeconds[i] = 0f;
                continue;
            }
            if (s.owner[i] == Projectiles.FROM_ENEMY) {
                float dx = x - p.x;
                float dy = y - p.y;
                if (p.health > 0f && dx * dx + dy * dy <= hitPlayer * hitPlayer) {
                    s.lifeSeconds[i] = 0f;
                    hurtPlayer(p);
                }
                continue;
            }
            int c0 = grid.column(x - hitEnemy);
            int c1 = grid.column(x + hitEnemy);
            int r0 = grid.row(y - hitEnemy);
            int r1 = grid.row(y + hitEnemy);
            search:
            for (int row = r0; row <= r1; row++) {
                for (int col = c0; col <= c1; col++) {
                    int end = grid.cellEnd(col, row);
                    for (int k = grid.cellBegin(col, row); k < end; k++) {
                        int j = items[k];
                        float dx = e.x[j] - x;
                        float dy = e.y[j] - y;
                        if (e.health[j] > 0f && dx * dx + dy * dy <= hitEnemy * hitEnemy) {
                            e.health[j] -= Rules.PLAYER_SHOT_DAMAGE;
                            if (e.health[j] <= 0f) {
                                p.score++;
                            }
                            s.lifeSeconds[i] = 0f;
                            break search;
                        }
                    }
                }
            }
        }
    }

    private void hitPlayerByContact(WorldState w) {
        Player p = w.player;
        if (p.immortal || p.health <= 0f || p.invulnerableSeconds > 0f) {
            return;
        }
        Entities e = w.entities;
        float reach = Player.RADIUS + Entities.RADIUS;
        int[] items = grid.items();
        for (int row = grid.row(p.y - reach); row <= grid.row(p.y + reach); row++) {
            for (int col = grid.column(p.x - reach); col <= grid.column(p.x + reach); col++) {
                int end = grid.cellEnd(col, row);
                for (int k = grid.cellBegin(col, row); k < end; k++) {
                    int j = items[k];
                    float dx = e.x[j] - p.x;
                    float dy = e.y[j] - p.y;
                    if (dx * dx + dy * dy <= reach * reach) {
                        hurtPlayer(p);
                        return;
                    }
                }
            }
        }
    }

    private static void hurtPlayer(Player p) {
        if (p.immortal || p.invulnerableSeconds > 0f || p.health <= 0f) {
            return;
        }
        p.health = Math.max(0f, p.health - 1f);
        p.invulnerableSeconds = Rules.PLAYER_GRACE_SECONDS;
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

    /** "Behaviour: error at file:line" of the last tick's first fault, or null. */
    public String lastTickFirstError() {
        return faults.tickFirstError();
    }

    /** Faults since the last call. */
    public long takeFaultsSinceStats() {
        return faults.takeSinceStats();
    }

    /** Mean nanoseconds of one behaviour update since the last call, or 0. */
    public double takeMeanUpdateNanos() {
        double mean = updates == 0 ? 0 : (double) updateNanos / updates;
        updateNanos = 0;
        updates = 0;
        return mean;
    }

    private static float clampUnit(float v) {
        return Float.isFinite(v) ? clamp(v, -1f, 1f) : 0f;
    }

    private static float clamp(float v, float lo, float hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
