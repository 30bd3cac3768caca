package dev.pitstop.reload;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.Simulation;
import dev.pitstop.world.Entities;
import dev.pitstop.world.WorldState;
import java.util.List;

/**
 * Which script generation is live, and every way it changes between two ticks: a ready generation
 * installed (a swap), a rollback (by hand, or by the {@link RollbackRules}: a new generation that
 * faulted early or keeps overrunning its budget), an A/B switch among the kept ones. Reports swaps, rollbacks and orphans, and
 * tells the reload pipeline what the world uses. Game thread only.
 */
public final class LiveGenerations {

    private final Simulation sim;
    private final ReloadCoordinator reload;
    private final EventSink events;
    private final GenerationHistory history = new GenerationHistory(GenerationHistory.DEFAULT_CAPACITY);
    private final HeapWatch heap = new HeapWatch();
    private final RollbackRules rules = new RollbackRules();
    private java.util.function.Consumer<Generation> wentLive = g -> { };

    public LiveGenerations(Simulation sim, ReloadCoordinator reload, EventSink events) {
        this.sim = sim;
        this.reload = reload;
        this.events = events;
    }

    /** {@code listener} hears of every generation that goes live (null: no scripts run), on the game thread. */
    public void onLive(java.util.function.Consumer<Generation> listener) {
        wentLive = listener;
    }

    /** Makes generation 1 live (no swap event: the start event reports it). */
    public void installFirst(Generation g) {
        sim.install(g.table());
        wentLive.accept(g);
        history.wentLive(g);
        rules.wentLive(false);
        worldChanged();
    }

    /**
     * Between two ticks, the one install point: reports the tick to the reload side, hands a
     * shadow run the world it waits for, and installs a generation it has ready, if any.
     */
    public void betweenTicks() {
        ReadyGeneration ready = reload.betweenTicks(sim.world().tick, sim.world());
        if (ready == null) {
            return;
        }
        int from = sim.scripts().generation();
        long t0 = System.nanoTime();
        sim.install(ready.generation().table());
        long t1 = System.nanoTime();
        history.wentLive(ready.generation());
        wentLive.accept(ready.generation());
        rules.wentLive(true);
        events.emit(Event.of("swap", sim.world().tick)
                .with("fromGeneration", from)
                .with("toGeneration", ready.generation().number())
                .with("pauseMicros", micros(t1 - t0))
                .with("editToSwapMs", Math.round((t1 - ready.firstChangeNanos()) / 10_000.0) / 100.0)
                .with("changed", ready.changed())
                .with("added", ready.added())
                .with("removed", ready.removed()));
        worldChanged();
    }

    /** After each tick: rolls a new generation back if it faulted early or keeps overrunning. */
    public void afterTick() {
        switch (rules.afterTick(sim.lastTickFaults(), sim.lastTickOverruns(), history.previous() != null)) {
            case FAULTED_EARLY -> rollback("it faulted within " + RollbackRules.WINDOW_TICKS + " ticks of going live: "
                    + firstFault());
            case OVERRUNNING -> rollback("it overran its work budget in " + RollbackRules.OVERRUN_TICKS
                    + " ticks in a row: " + firstFault());
            case KEEP -> { }
        }
        if (heap.takeGrowing()) {
            letGoOfHoarder();
        }
    }

    /**
     * What the heap keeps grows collection after collection past {@link HeapWatch}'s threshold: the
     * live version (most likely hoarding in static fields) goes, and so do its classes, with
     * whatever they hold. Back to the previous version if one is kept, else no scripts run until
     * the next save builds; either way the next build makes fresh instances of everything.
     */
    private void letGoOfHoarder() {
        String reason = "what the heap keeps grew at every collection to " + heap.retainedMiB() + " MiB of "
                + heap.maxMiB() + " MiB while it was live (a script holding on to memory, in a static field say): "
                + "its classes are released";
        reload.forgetReuse();
        if (history.previous() != null) {
            rollback(reason);
            return;
        }
        Generation from = history.live();
        history.dropLive();
        sim.install(dev.pitstop.sim.ScriptTable.empty());
        wentLive.accept(null);
        rules.wentLive(false);
        events.emit(Event.of("rollback", sim.world().tick).with("fromGeneration", from == null ? 0 : from.number())
                .with("toGeneration", 0).with("reason", reason + "; no earlier version is kept, so no script runs "
                        + "until the next save builds"));
        worldChanged();
    }

    /** Stops watching the heap. Main thread, when the game is over. */
    public void close() {
        heap.close();
    }

    private String firstFault() {
        dev.pitstop.sim.ScriptFault f = sim.lastTickFirstFault();
        return f == null ? "" : f.behaviour() + ": " + f.describe();
    }

    /** Goes back to the generation live before this one, dropping this one. */
    public void rollback(String reason) {
        Generation from = history.live();
        Generation to = history.previous();
        if (to == null) {
            error("rollback: no earlier generation is kept to go back to");
            return;
        }
        history.dropLive();
        sim.install(to.table());
        wentLive.accept(to);
        rules.wentLive(false);
        events.emit(Event.of("rollback", sim.world().tick).with("fromGeneration", from.number())
                .with("toGeneration", to.number()).with("reason", reason));
        worldChanged();
    }

    /** A/B: makes kept generation {@code arg} ("next" cycles) live again, without recompiling. */
    public void switchTo(String arg) {
        Generation to;
        if (arg.equals("next")) {
            to = history.nextInCycle();
        } else {
            try {
                to = history.find(Integer.parseInt(arg));
            } catch (NumberFormatException e) {
                error("generation: expected a number or 'next', not '" + arg + "'");
                return;
            }
        }
        if (to == null) {
            error("generation " + arg + " is not kept; kept: " + history.numbers());
            return;
        }
        int from = sim.scripts().generation();
        long t0 = System.nanoTime();
        sim.install(to.table());
        long t1 = System.nanoTime();
        history.switchTo(to);
        wentLive.accept(to);
        rules.wentLive(false);
        events.emit(Event.of("swap", sim.world().tick)
                .with("fromGeneration", from)
                .with("toGeneration", to.number())
                .with("pauseMicros", micros(t1 - t0))
                .with("editToSwapMs", 0)
                .with("changed", List.of())
                .with("kind", "switch"));
        worldChanged();
    }

    /**
     * The world or the live scripts changed (a swap, a new world, a spawn): reports entities whose
     * behaviour the live scripts lack and tells the reload pipeline what the world now uses.
     */
    public void worldChanged() {
        WorldState w = sim.world();
        int[] used = new int[w.slots.size()];
        Entities e = w.entities;
        for (int i = 0; i < e.count; i++) {
            used[e.slot[i]]++;
        }
        for (int s = 0; s < used.length; s++) {
            String name = w.slots.name(s);
            if (used[s] > 0 && !sim.scripts().names().contains(name)) {
                events.emit(Event.of("orphaned", w.tick).with("behaviour", name).with("entities", used[s])
                        .with("generation", sim.scripts().generation()));
            }
        }
        reload.publishWorld(w.slots, sim.scripts().names());
    }

    private void error(String message) {
        events.emit(Event.of("error", sim.world().tick).with("message", message));
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }
}
