package dev.pitstop.sim;

import dev.pitstop.api.Behaviour;
import dev.pitstop.guard.Stopwatch;
import dev.pitstop.guard.WorkBudget;
import dev.pitstop.world.Entities;
import dev.pitstop.world.Projectiles;
import dev.pitstop.world.WorldState;

/**
 * Runs the live behaviours once per tick, each entity's update through its slot, under what the
 * scripts may do: one update's budget, its behaviour's share of the tick (units, bytes and
 * wall-clock time), the backstop after it returns; an update that throws or is stopped has its
 * effects discarded and becomes a fault. Owns the views scripts see (valid only during the update
 * they are handed to, see {@link CurrentUpdate}) and the tick's faults. Game thread (or a shadow
 * run's thread), through {@link Simulation}.
 */
final class ScriptDispatch {

    final CurrentUpdate current = new CurrentUpdate();
    private final AgentView agent = current.agent;
    final FaultCollector faults = new FaultCollector();
    private final DebugDraw debug;
    private WorldState world;
    private ScriptTable scripts;
    private long updateNanos;
    private long updates;
    private long[] tickUnits = new long[8];
    private long[] tickNanos = new long[8];
    private long[] tickBytes = new long[8];
    private long behaviourTimeCapNanos;
    /** This tick's time less what a debugger held, on the game thread: no behaviour's total exceeds it. */
    private Stopwatch tickClock;

    ScriptDispatch(DebugDraw debug) {
        this.debug = debug;
    }

    void capTime(long nanos) {
        behaviourTimeCapNanos = nanos;
    }

    /** A new tick: nothing used, no fault. */
    void reset() {
        faults.reset();
        java.util.Arrays.fill(tickUnits, 0L);
        java.util.Arrays.fill(tickNanos, 0L);
        java.util.Arrays.fill(tickBytes, 0L);
    }

    /** How many updates of one behaviour in a row may pass between two readings of the clock. */
    static final int TIME_CHECK_UPDATES = 16;

    /**
     * Adds wall-clock time to a behaviour's total for this tick; past the cap, its other entities
     * skip the tick (a fault that counts as an overrun; in a row, a rollback). Not deterministic:
     * the fault says it was the backstop.
     */
    void run(WorldState w, ScriptTable scripts, ScriptLog log) {
        this.world = w;
        this.scripts = scripts;
        Entities e = w.entities;
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
            Behaviour b = scripts.inSlot(slot);
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
                            + SKIPS_THE_TICK, fileOf(b));
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
            Behaviour b = scripts.inSlot(slot);
            faults.stopForTick(slot, world.slots.name(slot), entityId, "stopped: its updates took "
                    + total / 1_000_000 + " ms of wall-clock time in one tick, more than the "
                    + behaviourTimeCapNanos / 1_000_000 + " ms one behaviour may take (the backstop)" + SKIPS_THE_TICK, fileOf(b));
        }
    }

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

    private String fileOf(Behaviour b) {
        return b == null ? null : scripts.locator().sourceOf(b.getClass().getName());
    }


    private static final String SKIPS_THE_TICK = "; its other entities skip this tick";

    /** Mean nanoseconds of one behaviour update since the last call, or 0. */
    double takeMeanUpdateNanos() {
        double mean = updates == 0 ? 0 : (double) updateNanos / updates;
        updateNanos = 0;
        updates = 0;
        return mean;
    }
}
